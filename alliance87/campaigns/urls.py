from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, path

from alliance87.campaigns import views, writing_views
from alliance87.campaigns.views import follows_former_address


def campaign_page(route: str, view: Callable[..., Any], name: str) -> URLPattern:
    """A page of one campaign, at `<slug>/route`: at a former address of
    the campaign, sent on to the same page at its present one."""
    return path(f"<slug:slug>/{route}", follows_former_address(view), name=name)


app_name = "campaigns"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", writing_views.new_campaign, name="new"),
    campaign_page("", views.detail, "detail"),
    campaign_page("activities.ics", views.activities_ics, "activities-ics"),
    campaign_page("activities/new/", views.add_activity, "activity-new"),
    campaign_page("activities/<int:pk>/remove/", views.remove_activity, "activity-remove"),
    campaign_page("submit/", views.submit, "submit"),
    campaign_page("review/", views.review, "review"),
    campaign_page("review/<int:pk>/", views.decide, "decide"),
    campaign_page("images/new/", views.add_image, "image-new"),
    campaign_page("images/<int:pk>/", writing_views.image_form, "image-edit"),
    campaign_page("images/<int:pk>/remove/", writing_views.remove_image, "image-remove"),
    campaign_page("images/<int:pk>/move/", writing_views.move_image, "image-move"),
    campaign_page("edit/", writing_views.edit_campaign, "edit"),
    campaign_page("address/", writing_views.change_address, "address"),
    campaign_page("publish/", writing_views.publish_campaign, "publish"),
    campaign_page("messages/new/", writing_views.message_form, "message-new"),
    campaign_page("messages/<int:pk>/", writing_views.message_form, "message-edit"),
    campaign_page("messages/<int:pk>/remove/", writing_views.remove_message, "message-remove"),
    campaign_page("review/activities/<int:pk>/", views.decide_activity, "decide-activity"),
]
