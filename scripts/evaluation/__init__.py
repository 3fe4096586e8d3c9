"""Quality figures the tests do not time: each module measures one concern
on the project's own dev sets and prints its figures (`make eval`)."""
