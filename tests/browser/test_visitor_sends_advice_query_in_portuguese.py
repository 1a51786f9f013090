"""A visitor reading in Portuguese sends a confidential query to the advice hub and is given its reference."""

import re

from .support import expect


def test_visitor_sends_advice_query_in_portuguese(open_page, demo_server, viewport):
    page = open_page(locale="pt-PT")
    page.goto(demo_server.url("AdviceHubPage", "pt"))
    expect(page.locator("html")).to_have_attribute("lang", "pt")

    form = page.locator("form.advice-form")
    form.locator('[name="name"]').fill("Ana Ferreira")
    form.locator('[name="position"]').fill("Assessora jurídica")
    form.locator('[name="institution"]').fill("Ministério da Justiça")
    form.locator('[name="country"]').select_option("MZ")
    form.locator('[name="email"]').fill(f"ana.ferreira.{viewport}@example.org")
    form.locator('[name="topic"]').select_option(index=1)
    form.locator('[name="question"]').fill(
        "Que passos recomenda a CTI para preparar a ratificação da Convenção contra a Tortura?"
    )
    form.locator('[name="preferred_language"]').select_option("pt")
    form.locator('[name="consent"]').check()
    form.locator('button[type="submit"]').click()

    confirmation = page.locator(".advice-confirmation")
    expect(confirmation).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    expect(confirmation.locator(".advice-confirmation__reference")).to_have_text(re.compile(r"^CTI-[A-Z0-9]{8}$"))
