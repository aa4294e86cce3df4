from django.urls import path

from alliance87.events import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("action-items/", views.tracker, name="tracker"),
    path("action-items/<int:pk>/close/", views.close_action_item, name="close-action-item"),
    path("decisions/", views.decisions, name="decisions"),
    path("new/", views.create_event, name="create"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("<slug:slug>/briefing/", views.briefing, name="briefing"),
    path("<slug:slug>/edit/", views.edit_event, name="edit"),
    path("<slug:slug>/record/", views.record, name="record"),
    path("<slug:slug>/record/agenda/", views.record_agenda_item, name="record-agenda"),
    path("<slug:slug>/record/document/", views.record_document, name="record-document"),
    path("<slug:slug>/record/decision/", views.record_loose_decision, name="record-decision"),
    path("<slug:slug>/record/<int:pk>/minutes/", views.record_minutes, name="record-minutes"),
    path(
        "<slug:slug>/record/<int:pk>/<str:kind>/",
        views.record_part,
        name="record-part",
    ),
    path(
        "<slug:slug>/record/<str:kind>/<int:pk>/edit/",
        views.edit_row,
        name="edit-row",
    ),
    path(
        "<slug:slug>/record/<str:kind>/<int:pk>/delete/",
        views.delete_row,
        name="delete-row",
    ),
    path("<slug:slug>/publish/", views.publish, name="publish"),
]
