"""The languages each notice kept as its own tagline rows become the practice's one list
(pages 0008, issue 27): one row per language, the English notices' names and order, the Spanish
notices' names beside them; every notice that had taglines shows the list, the others do not."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pages.models import LanguageHelp, NoticePage
from tests.factories import NoticePageFactory
from tests.helpers import translate

BEFORE = ("pages", "0007_opening_hours_us_time_examples")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_notices_taglines_become_one_list_read_by_every_notice(home_page):
    translate(home_page, title="Inicio")
    assistance = NoticePageFactory(parent=home_page, title="Language assistance")
    nondiscrimination = NoticePageFactory(parent=home_page, title="Nondiscrimination")
    privacy = NoticePageFactory(parent=home_page, title="Notice of privacy practices")
    spanish = translate(assistance, title="Asistencia con idiomas", slug="asistencia")
    executor = migrate([BEFORE])
    try:
        tagline = executor.loader.project_state([BEFORE]).apps.get_model("pages", "LanguageTagline")
        rows = {
            assistance: [("Spanish", "es", "Llame al 711."), ("Polish", "pl", "Zadzwoń 711.")],
            spanish: [("Español", "es", "Llame al 711."), ("Polaco", "pl", "Zadzwoń 711.")],
            # A shorter, older list on the other notice: the same languages, not a second set.
            nondiscrimination: [("Polish", "pl", "Zadzwoń 711.")],
        }
        for page, taglines in rows.items():
            for n, (language, code, text) in enumerate(taglines):
                tagline.objects.create(
                    page_id=page.pk, language=language, language_code=code, text=text, sort_order=n
                )
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert [
        (row.language, row.language_es, row.language_code, row.tagline)
        for row in LanguageHelp.objects.order_by("sort_order")
    ] == [
        ("Spanish", "Español", "es", "Llame al 711."),
        ("Polish", "Polaco", "pl", "Zadzwoń 711."),
    ]
    showing = set(NoticePage.objects.filter(shows_language_help=True).values_list("pk", flat=True))
    assert showing == {assistance.pk, spanish.pk, nondiscrimination.pk}
    assert privacy.pk not in showing
    # A draft published later keeps showing the list.
    latest = NoticePage.objects.get(pk=nondiscrimination.pk).get_latest_revision_as_object()
    assert latest.shows_language_help
