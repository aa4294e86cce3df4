from django.urls import path

from alliance87.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("my-data.json", views.personal_data, name="personal-data"),
    path("erase/", views.request_erasure, name="request-erasure"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept-invitation"),
    path("people/", views.people, name="people"),
    path("people/invite/", views.invite, name="invite"),
    path("people/<int:user_id>/roles/", views.person_roles, name="person-roles"),
    path(
        "people/<int:user_id>/roles/<str:kind>/<int:index>/end/",
        views.end_role,
        name="end-role",
    ),
    path("erasures/<int:request_id>/erase/", views.erase, name="erase"),
    path("history/<str:model_label>/<str:pk>/", views.history, name="history"),
]
