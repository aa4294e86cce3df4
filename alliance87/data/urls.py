from django.urls import path

from alliance87.data import views

app_name = "data"
urlpatterns = [
    path("", views.index, name="index"),
    path("download.<str:fmt>", views.download, name="download"),
    path("changes/", views.changes, name="changes"),
    path("places/<slug:code>/", views.place, name="place"),
    path("replies/<str:iso3>/", views.replies, name="replies"),
    path("replies/publish/<int:pk>/", views.publish_reply, name="publish-reply"),
    path("import/", views.import_start, name="import"),
    path("import/<int:pk>/", views.import_run, name="import-run"),
    path("import/<int:pk>/save/", views.import_save, name="import-save"),
]
