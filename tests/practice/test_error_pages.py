import pytest
from django.test import RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
def test_missing_page_gets_the_themed_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We can’t find that page" in body
    assert "Rubin Pain Management" in body  # rendered inside the site's layout


def test_500_page_renders_without_touching_the_database(django_db_blocker):
    request = RequestFactory().get("/")
    with django_db_blocker.block():
        response = server_error(request)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, something went wrong" in body
    assert "911" in body
