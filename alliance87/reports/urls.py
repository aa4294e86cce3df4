from django.urls import path

from alliance87.reports import views

app_name = "reports"
urlpatterns = [
    path("reports/import/", views.start, name="start"),
    path("reports/import/<int:pk>/", views.import_page, name="import"),
    path("reports/import/<int:pk>/rows/<str:key>/", views.edit_row, name="edit-row"),
    path("reports/import/<int:pk>/names/<int:index>/", views.resolve_name, name="name"),
    path("reports/import/<int:pk>/save/", views.save, name="save"),
]
