from django.urls import path

from alliance87.pathfinders import views

app_name = "pathfinders"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:iso3>/edit/", views.edit_pathfinder, name="edit"),
    path("<str:iso3>/stages/", views.edit_stages, name="stages"),
    path("<str:iso3>/findings/new/", views.add_finding, name="add_finding"),
    path("<str:iso3>/roadmaps/new/", views.edit_roadmap, name="add_roadmap"),
    path("<str:iso3>/roadmaps/<int:pk>/edit/", views.edit_roadmap, name="edit_roadmap"),
    path("<str:iso3>/roadmaps/<int:pk>/priorities/new/", views.add_priority, name="add_priority"),
    path("<str:iso3>/roadmaps/<int:pk>/actions/new/", views.add_action, name="add_action"),
    # A roadmap's actions download at roadmaps/<pk>/actions.csv, .xlsx and
    # .json (api.opendata, whose addresses come before these).
    path("<str:iso3>/roadmaps/<int:pk>/upload/", views.upload_actions, name="upload"),
    path("<str:iso3>/roadmaps/<int:pk>/print/", views.print_roadmap, name="print"),
    path("<str:iso3>/actions/<int:pk>/edit/", views.edit_action, name="edit_action"),
    path("<str:iso3>/actions/<int:pk>/progress/", views.add_progress, name="progress"),
    path("<str:iso3>/progress.csv", views.export_progress, name="progress_csv"),
]
