from django.urls import path

from alliance87.groups import views

app_name = "groups"
urlpatterns = [
    path("", views.group_list, name="list"),
    # Before the slug route, which would otherwise take "engagement". Its
    # figures download at engagement.csv, .xlsx and .json (api.opendata,
    # whose addresses come before these).
    path("engagement/", views.engagement, name="engagement"),
    path("<slug:slug>/", views.group_detail, name="detail"),
    # Editing, for the group's chairs and the Secretariat.
    path("<slug:slug>/workplan/", views.workplan, name="workplan"),
    path("<slug:slug>/workplan/areas/new/", views.edit_area, name="add_area"),
    path("<slug:slug>/workplan/areas/<int:pk>/edit/", views.edit_area, name="edit_area"),
    path("<slug:slug>/workplan/activities/new/", views.edit_activity, name="add_activity"),
    path(
        "<slug:slug>/workplan/activities/<int:pk>/edit/",
        views.edit_activity,
        name="edit_activity",
    ),
    path(
        "<slug:slug>/workplan/activities/<int:pk>/progress/",
        views.record_progress,
        name="record_progress",
    ),
    path("<slug:slug>/workplan/next-steps/new/", views.edit_next_step, name="add_next_step"),
    path(
        "<slug:slug>/workplan/next-steps/<int:pk>/edit/",
        views.edit_next_step,
        name="edit_next_step",
    ),
    path(
        "<slug:slug>/workplan/next-steps/<int:pk>/remove/",
        views.remove_next_step,
        name="remove_next_step",
    ),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/members/<int:pk>/end/", views.end_membership, name="end_membership"),
    path(
        "<slug:slug>/members/<int:pk>/representatives/",
        views.edit_representatives,
        name="edit_representatives",
    ),
]
