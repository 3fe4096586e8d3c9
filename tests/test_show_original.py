"""Show the original wording on a converted page, in a real browser: hover,
keyboard focus, a tap on a phone, the show-all toggle, both palettes, and
the offline bundle from file://."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from test_bundle import offline_page, unpacked  # noqa: F401  (fixtures)

ARTICLE = "001_f5076b2d9f848529"  # a Simplified original: its zh-Hant page is converted
CONVERTED = f"zh-Hant/articles/{ARTICLE}/"


def luminance(color: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"[\d.]+", color)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hover_shows_the_original_without_moving_anything(browser, server, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server + CONVERTED, wait_until="load")
        word = page.locator(".md-content .converted").first
        word.scroll_into_view_if_needed()
        before = word.bounding_box()
        height = page.evaluate("document.documentElement.scrollHeight")
        word.hover()
        tip = page.locator("#original-tip")
        expect(tip).to_be_visible()
        expect(tip).to_have_text("原文：" + word.get_attribute("data-original"))
        assert word.bounding_box() == before
        assert page.evaluate("document.documentElement.scrollHeight") == height
        colors = tip.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
        assert contrast(*colors) >= 4.5
        page.mouse.move(0, 0)
        expect(tip).to_be_hidden()
    finally:
        context.close()


def test_keyboard_focus_describes_the_word(page):
    page.open(CONVERTED, wait_until="load")
    word = page.locator(".md-content .converted").first
    assert word.get_attribute("tabindex") == "0"  # reachable with Tab
    word.focus()
    tip = page.locator("#original-tip")
    expect(tip).to_be_visible()
    expect(word).to_have_attribute("aria-describedby", "original-tip")
    expect(tip).to_have_attribute("role", "tooltip")
    page.keyboard.press("Tab")  # on to the next focusable element
    expect(word).not_to_have_attribute("aria-describedby", "original-tip")
    word.focus()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert page.log.problems() == {}


def test_tap_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(server + CONVERTED, wait_until="load")
        word = page.locator(".md-content .converted").nth(2)
        word.scroll_into_view_if_needed()
        word.tap()
        tip = page.locator("#original-tip")
        expect(tip).to_have_text("原文：" + word.get_attribute("data-original"))
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # stays on the screen
        page.locator(".md-content h1").tap()
        expect(tip).to_be_hidden()
    finally:
        context.close()


def test_toggle_shows_every_original_inline_and_is_remembered(page):
    page.open(CONVERTED, wait_until="load")
    toggle = page.get_by_role("button", name="顯示原文用詞")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    word = page.locator(".md-content .converted").first
    after = "el => getComputedStyle(el, '::after').content"
    assert word.evaluate(after) in ("none", "normal")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert word.evaluate(after) == f'"（{word.get_attribute("data-original")}）"'
    page.reload(wait_until="load")
    expect(page.get_by_role("button", name="顯示原文用詞")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="顯示原文用詞").click()
    assert page.locator(".md-content .converted").first.evaluate(after) in ("none", "normal")
    # the original-script page has nothing to show
    page.open(f"articles/{ARTICLE}/", wait_until="load")
    assert page.locator(".converted").count() == 0
    expect(page.locator(".original-toggle")).to_have_count(0)


def test_offline_bundle_from_file(offline_page, unpacked):  # noqa: F811
    offline_page.open(f"zh-Hant/articles/{ARTICLE}.html")
    word = offline_page.locator(".md-content .converted").first
    word.hover()
    expect(offline_page.locator("#original-tip")).to_have_text("原文：" + word.get_attribute("data-original"))
    toggle = offline_page.locator(".original-toggle")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert offline_page.aborted == [] and offline_page.errors == []
