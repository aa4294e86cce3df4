from django.urls import path

from alliance87.campaigns import views, writing_views

app_name = "campaigns"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", writing_views.new_campaign, name="new"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/activities.ics", views.activities_ics, name="activities-ics"),
    path("<slug:slug>/activities/new/", views.add_activity, name="activity-new"),
    path("<slug:slug>/activities/<int:pk>/remove/", views.remove_activity, name="activity-remove"),
    path("<slug:slug>/submit/", views.submit, name="submit"),
    path("<slug:slug>/review/", views.review, name="review"),
    path("<slug:slug>/review/<int:pk>/", views.decide, name="decide"),
    path("<slug:slug>/images/new/", views.add_image, name="image-new"),
    path("<slug:slug>/images/<int:pk>/", writing_views.image_form, name="image-edit"),
    path("<slug:slug>/images/<int:pk>/remove/", writing_views.remove_image, name="image-remove"),
    path("<slug:slug>/images/<int:pk>/move/", writing_views.move_image, name="image-move"),
    path("<slug:slug>/edit/", writing_views.edit_campaign, name="edit"),
    path("<slug:slug>/address/", writing_views.change_address, name="address"),
    path("<slug:slug>/publish/", writing_views.publish_campaign, name="publish"),
    path("<slug:slug>/messages/new/", writing_views.message_form, name="message-new"),
    path("<slug:slug>/messages/<int:pk>/", writing_views.message_form, name="message-edit"),
    path(
        "<slug:slug>/messages/<int:pk>/remove/",
        writing_views.remove_message,
        name="message-remove",
    ),
    path(
        "<slug:slug>/review/activities/<int:pk>/",
        views.decide_activity,
        name="decide-activity",
    ),
]
