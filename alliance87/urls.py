from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from alliance87.api import opendata as api_opendata
from alliance87.comms import webhooks as comms_webhooks
from alliance87.core import views as core_views
from alliance87.core.files import serve_file
from alliance87.events import views as events_views
from alliance87.home import views as home_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # The open API (alliance87/api): unprefixed, one address per version.
    path("api/v1/", include("alliance87.api.urls")),
    path("admin/", admin.site.urls),
    # The mail provider's tracking webhook: bounces and complaints of the
    # newsletter (comms/webhooks.py).
    path("hooks/mail/<slug:provider>/", comms_webhooks.mail_events, name="mail-events"),
    # Uploaded files, each behind its owner's visibility (core/files.py).
    path("files/<str:label>/<int:pk>/<str:name>", serve_file, name="serve-file"),
    # The calendar feed keeps one address for subscribers; ?lang= sets its
    # language (see calendar_feed in alliance87/events/views/events.py).
    path("events.ics", events_views.calendar_feed, name="events-feed"),
]
if settings.DEBUG or settings.BENCH_HELLO:
    urlpatterns.append(path("bench/hello", core_views.hello, name="bench-hello"))

urlpatterns += i18n_patterns(
    path("", home_views.home, name="home"),
    path("api/", include("alliance87.api.page_urls")),
    path("feeds/", include("alliance87.api.feed_urls")),
    *api_opendata.urlpatterns(),
    path("accounts/", include("allauth.urls")),
    path("account/", include("alliance87.accounts.urls")),
    path("countries/", include("alliance87.countries.urls")),
    path("partners/", include("alliance87.partners.urls")),
    path("pathfinders/", include("alliance87.pathfinders.urls")),
    path("events/", include("alliance87.events.urls")),
    path("groups/", include("alliance87.groups.urls")),
    path("statements/", include("alliance87.statements.urls")),
    path("search/", include("alliance87.search.urls")),
    path("library/", include("alliance87.library.urls")),
    path("", include("alliance87.comms.urls")),
    path("campaigns/", include("alliance87.campaigns.urls")),
    path("community/", include("alliance87.community.urls")),
    path("safeguarding/", include("alliance87.safeguarding.urls")),
    path("data/", include("alliance87.data.urls")),
    path("", include("alliance87.applications.urls")),
    path("", include("alliance87.reports.urls")),
    path("", include("alliance87.core.urls")),
    prefix_default_language=True,
)

handler404 = "alliance87.core.views.page_not_found"
handler500 = "alliance87.core.errors.server_error"
