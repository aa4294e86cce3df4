from django.urls import path

from alliance87.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="list"),
    path("<slug:slug>/", views.partner_detail, name="detail"),
]
