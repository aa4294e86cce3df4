"""News and stories: posts in one to three languages, seen by those their
visibility admits once published and due; the list's filters read from
what the visitor may see; the Secretariat writes, schedules and publishes;
a lead image is checked by content and described in each language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance87.comms import services
from alliance87.comms.models import Post, PostStatus
from alliance87.countries.models import Country
from alliance87.testing.factories import make_organisation, make_post
from alliance87.testing.personas import sign_in
from alliance87.testing.png import png

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def test_the_list_shows_live_posts_only_to_those_who_may_see_them(client, personas):
    make_post("open", "Open news")
    make_post("partners", "Partners news", visibility="partners", kind="story")
    make_post("draft", "Draft news", publish=False)
    make_post("later", "Later news", publish_at=timezone.now() + dt.timedelta(days=2))
    html = client.get("/en/news/").content.decode()
    assert "Open news" in html
    for hidden in ("Partners news", "Draft news", "Later news", 'value="story"'):
        assert hidden not in html
    assert "1 post" in html
    sign_in(client, personas.partner)
    html = client.get("/en/news/").content.decode()
    assert "Partners news" in html and '<option value="story">Story (1)</option>' in html
    assert "Draft news" not in html and "Later news" not in html
    client.logout()
    sign_in(client, personas.secretariat)
    html = client.get("/en/news/").content.decode()
    assert "Draft news" in html and "Later news" in html and "Scheduled" in html


def test_hidden_posts_answer_404_like_missing_ones(client, personas):
    make_post("partners", "Partners news", visibility="partners")
    make_post("draft", "Draft news", publish=False)
    for slug in ("partners", "draft", "missing"):
        assert client.get(f"/en/news/{slug}/").status_code == 404
    sign_in(client, personas.outsider)
    assert client.get("/en/news/partners/").status_code == 404


def test_a_post_in_one_language_says_so_on_the_pages_of_the_others(client):
    make_post("fr-only", title_fr="Nouvelles du Sénégal")
    html = client.get("/en/news/fr-only/").content.decode()
    assert '<article lang="fr">' in html and "Nouvelles du Sénégal" in html
    assert "This post is not available in this language. It is written in: French." in html
    html = client.get("/fr/news/fr-only/").content.decode()
    assert "<article>" in html and "not available" not in html
    html = client.get("/en/news/").content.decode()
    assert 'lang="fr"' in html and "Not available in this language" in html


def test_a_post_without_a_title_in_any_language_is_refused():
    with pytest.raises(ValidationError, match="title in at least one language"):
        services.save_post(Post(slug="x", kind="news"), acting_user=None)


def test_the_language_filter_lists_the_posts_written_in_it(client):
    make_post("en", "English news")
    make_post("es", title_es="Noticias")
    html = client.get("/en/news/?language=es").content.decode()
    assert "Noticias" in html and "English news" not in html
    assert '<option value="es" selected>Spanish (1)</option>' in html


def test_filters_that_cannot_be_understood_are_ignored_with_a_message(client):
    make_post("open", "Open news")
    response = client.get("/en/news/?country=zzzz&year=99999&kind=%00&organisation=nobody")
    html = response.content.decode()
    assert response.status_code == 200 and "Open news" in html
    assert "The country “zzzz” was not understood and is ignored." in html
    assert "The year “99999” was not understood" in html


def test_a_scheduled_post_appears_when_its_time_comes_and_refreshes_the_pages(
    client, django_capture_on_commit_callbacks
):
    when = timezone.now() + dt.timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        post = make_post("soon", "Soon news", publish_at=when)
    queued = DBTaskResult.objects.filter(task_path="alliance87.comms.tasks.post_due")
    assert queued.count() == 1 and queued.get().run_after == when
    assert "Soon news" not in client.get("/en/news/").content.decode()
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - dt.timedelta(seconds=1))
    from alliance87.comms.tasks import post_due

    post_due.call(post.pk)
    assert "Soon news" in client.get("/en/news/").content.decode()


def test_hostile_markdown_is_sanitised(client):
    make_post(
        "x",
        "Hostile",
        body_en=(
            "<script>alert(1)</script>\n\n[click](javascript:alert(1)) "
            "<img src=x onerror=alert(1)>"
        ),
    )
    html = client.get("/en/news/x/").content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    assert "<script" not in article and 'href="javascript' not in article
    assert "<img" not in article and "&lt;script&gt;" in article


def test_a_lead_image_needs_its_description_in_each_language_of_the_post():
    post = Post(slug="pic", kind="news", title_en="Pic", title_fr="Image", image_alt_en="A field")
    with pytest.raises(ValidationError, match="alt text"):
        services.save_post(post, acting_user=None, image=SimpleUploadedFile("a.png", png()))
    assert not Post.objects.filter(slug="pic").exists()


def test_a_lead_image_is_checked_by_its_content(tmp_path):
    post = Post(slug="pic", kind="news", title_en="Pic", image_alt_en="A field")
    with pytest.raises(ValidationError, match="not of an accepted kind"):
        services.save_post(
            post, acting_user=None, image=SimpleUploadedFile("a.png", b"%PDF-1.4\n%%EOF\n")
        )
    assert not Post.objects.filter(slug="pic").exists()


def test_a_hidden_posts_image_is_not_served(client, personas):
    post = Post(
        slug="pic",
        kind="news",
        title_en="Pic",
        image_alt_en="A field at dawn",
        visibility="partners",
        status=PostStatus.PUBLISHED,
    )
    services.save_post(post, acting_user=None, image=SimpleUploadedFile("a.png", png()))
    url = post.image_href
    assert client.get(url).status_code == 404
    sign_in(client, personas.partner)
    assert client.get(url).status_code == 200
    html = client.get("/en/news/pic/").content.decode()
    assert f'<img src="{url}" alt="A field at dawn"' in html


def test_only_the_secretariat_writes_posts(client, personas):
    assert client.get("/en/news/new/").status_code == 302
    sign_in(client, personas.partner)
    assert client.get("/en/news/new/").status_code == 404
    assert client.post("/en/news/new/", {"kind": "news", "title_en": "X"}).status_code == 404
    assert not Post.objects.exists()


def test_the_secretariat_writes_a_draft_then_schedules_it(client, personas):
    sign_in(client, personas.secretariat)
    nepal = Country.objects.get(iso3="NPL")
    form = {
        "kind": "story",
        "title_en": "A story from Nepal",
        "title_fr": "",
        "title_es": "Una historia de Nepal",
        "body_en": "Text.",
        "countries": [nepal.pk],
        "visibility": "public",
        "publish_at": "2099-06-12 09:00",
    }
    response = client.post("/en/news/new/", form)
    post = Post.objects.get()
    assert response.status_code == 302 and post.status == PostStatus.DRAFT
    assert post.languages == ["en", "es"] and list(post.countries.all()) == [nepal]
    client.post(f"/en/news/{post.slug}/publish/", {"action": "publish"})
    post.refresh_from_db()
    assert post.is_scheduled and post.publish_at and post.publish_at.year == 2099
    client.logout()
    assert client.get(f"/en/news/{post.slug}/").status_code == 404


def test_an_image_without_alt_text_is_refused_on_the_form(client, personas):
    sign_in(client, personas.secretariat)
    form = {
        "kind": "news",
        "title_en": "With a picture",
        "visibility": "public",
        "image": SimpleUploadedFile("a.png", png()),
    }
    html = client.post("/en/news/new/", form).content.decode()
    assert "Describe the lead image (alt text) in each language of the post." in html
    assert not Post.objects.exists()


def test_posts_show_on_the_pages_of_their_country_event_group_and_author(client, personas):
    from alliance87.accounts.tests.visibility_matrix.objects import make_event
    from alliance87.groups.models import Group, GroupKind
    from alliance87.groups.services import save_group

    ilo = make_organisation("ilo", "ILO")
    group = save_group(
        Group(slug="g", name="G", name_en="G", kind=GroupKind.ACTION_GROUP), acting_user=None
    )
    event = make_event(None, "e", "E", day=dt.date(2019, 4, 1), publish=True)
    nepal = Country.objects.get(iso3="NPL")
    links = services.PostLinks(countries=[nepal], groups=[group], events=[event])
    make_post("linked", "Linked news", links=links, organisation=ilo)
    make_post("hidden", "Hidden news", links=links, visibility="partners", organisation=ilo)
    for url in (
        "/en/countries/npl/",
        f"/en/groups/{group.slug}/",
        event.get_absolute_url(),
        "/en/partners/ilo/",
    ):
        html = client.get(url).content.decode()
        assert "Linked news" in html, url
        assert "Hidden news" not in html, url
