from django.urls import path

from alliance87.search import views

app_name = "search"
urlpatterns = [path("", views.search_page, name="results")]
