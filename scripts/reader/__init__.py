"""The MkDocs plugin that turns a folder of seeds into the site's pages."""
