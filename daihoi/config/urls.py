"""Root URLs: the application, the admin, sign-in."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("daihoi.web.urls")),
]
