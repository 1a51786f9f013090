"""Where things are drawn: what axe cannot judge about right-to-left reading order, measured directly."""

TEXT_BOX = """element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const text = range.getBoundingClientRect();
    const container = document.querySelector("main").getBoundingClientRect();
    const style = getComputedStyle(document.querySelector("main"));
    return {
        textLeft: text.left,
        textRight: text.right,
        contentLeft: container.left + parseFloat(style.paddingLeft),
        contentRight: container.right - parseFloat(style.paddingRight),
    };
}"""

BOXES = """elements => elements
    .filter(element => element.getClientRects().length)
    .map(element => {
        const box = element.getBoundingClientRect();
        return {left: box.left, right: box.right, top: box.top};
    })"""

LINE_TEXT_BOXES = """elements => elements.map(element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const box = range.getBoundingClientRect();
    return {left: box.left, right: box.right, top: box.top};
})"""

TOLERANCE = 2


def heading_text_box(page):
    return page.locator("main h1").first.evaluate(TEXT_BOX)


def boxes(page, selector):
    return page.locator(selector).evaluate_all(BOXES)


def text_boxes(page, selector):
    """Where the text itself is drawn, not the box around it, for items stacked in a column."""
    return page.locator(selector).evaluate_all(LINE_TEXT_BOXES)


def first_row(item_boxes):
    """The items drawn on the first line (a wrapped flex list continues on a second one)."""
    return [box for box in item_boxes if abs(box["top"] - item_boxes[0]["top"]) < TOLERANCE]


def runs_right_to_left(item_boxes):
    row = first_row(item_boxes)
    return len(row) > 1 and all(earlier["left"] > later["left"] for earlier, later in zip(row, row[1:]))


def runs_left_to_right(item_boxes):
    row = first_row(item_boxes)
    return len(row) > 1 and all(earlier["left"] < later["left"] for earlier, later in zip(row, row[1:]))


def starts_on_the_right(stacked_boxes):
    """Stacked lines of differing lengths share their right edge, not their left one."""
    rights = {round(box["right"]) for box in stacked_boxes}
    lefts = {round(box["left"]) for box in stacked_boxes}
    return max(rights) - min(rights) <= TOLERANCE and max(lefts) - min(lefts) > TOLERANCE
