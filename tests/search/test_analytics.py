"""What patients search for, counted per day for editors, with nothing personal stored."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from home.search.analytics import looks_personal
from home.search.models import SearchTermDay
from tests.factories import ArticlePageFactory


def counts():
    return {
        row.query: (row.searches, row.searches_without_results)
        for row in SearchTermDay.objects.all()
    }


def test_searches_are_counted_per_day_with_the_ones_that_found_nothing(client, article, rubin):
    client.get("/search/", {"q": "Back  pain"})
    client.get("/search/", {"q": "back pain"})
    client.get("/search/", {"q": "back pain", "page": "2"})  # paging is not another search
    client.get("/search/", {"q": "xylophone"})
    assert counts() == {"back pain": (2, 0), "xylophone": (1, 1)}
    assert set(SearchTermDay.objects.values_list("day", flat=True)) == {timezone.localdate()}
    assert not Query.objects.exists()  # Wagtail's own per-query counts are not kept


@pytest.mark.parametrize(
    "query",
    [
        "maria.lopez@example.com pain clinic",
        "appointment for jo at gmail dot com",
        "call me 555-014-2290",
        "(555) 014 2290 back pain",
        "+1 555 014 2290",
        "refill 5550142290",
        "dob 3/14/1962",
        "born on March 14, 1962 knee",
        "14th of March 1962",
        "1962-03-14 results",
        "my date of birth",
    ],
)
def test_a_query_with_personal_data_is_never_stored(client, article_index, query):
    assert looks_personal(query)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert not SearchTermDay.objects.exists()


@pytest.mark.parametrize(
    "query", ["back pain", "vitamin b12", "covid 2020", "knee pain for 3 weeks", "ice or heat"]
)
def test_ordinary_queries_are_not_mistaken_for_personal_data(query):
    assert not looks_personal(query)


def test_editors_see_top_searches_and_the_ones_that_found_nothing(
    client, editor, article_index, rubin
):
    ArticlePageFactory(parent=article_index, title="Sleep and pain", authors=[rubin])
    for query in ["sleep", "sleep", "sleep", "nerve burning", "nerve burning", "xylophone"]:
        client.get("/search/", {"q": query})
    client.force_login(editor)

    everything = client.get("/admin/reports/searches/")
    assert everything.status_code == 200
    text = everything.content.decode()
    assert text.index("sleep") < text.index("nerve burning") < text.index("xylophone")

    nothing_found = client.get("/admin/reports/searches/", {"outcome": "nothing_found"})
    rows = nothing_found.content.decode()
    assert "nerve burning" in rows and "xylophone" in rows
    assert ">sleep<" not in rows


def test_the_report_is_for_staff_only(client, db):
    response = client.get("/admin/reports/searches/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_spanish_and_english_searches_are_counted_apart(client, editor, spanish_library):
    client.get("/search/", {"q": "dolor"})
    client.get("/es/search/", {"q": "dolor"})
    client.get("/es/search/", {"q": "Dolor"})
    rows = {(row.language, row.query): row.searches for row in SearchTermDay.objects.all()}
    assert rows == {("en-us", "dolor"): 1, ("es", "dolor"): 2}

    client.force_login(editor)
    spanish = BeautifulSoup(
        client.get("/admin/reports/searches/", {"language": "es"}).content, "html.parser"
    )
    cells = [
        [td.get_text(strip=True) for td in tr.select("td")] for tr in spanish.select("tbody tr")
    ]
    assert [cells_of_row[1:] for cells_of_row in cells] == [["dolor", "Español", "2", "0"]]


@pytest.mark.parametrize("value", ["%00", "%FF", "x" * 10_000, "fr"])
def test_the_report_filters_answer_bad_values_without_an_error(client, editor, value):
    client.force_login(editor)
    response = client.get(f"/admin/reports/searches/?language={value}&outcome={value}")
    assert response.status_code in (200, 400)
