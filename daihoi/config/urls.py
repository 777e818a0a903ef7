"""Root URLs: the application, the admin, sign-in."""

from django.contrib import admin
from django.urls import include, path

from daihoi.web.sign_in_views import SignInView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dang-nhap/", SignInView.as_view(), name="login"),  # throttled; before web/urls.py
    path("", include("daihoi.web.urls")),
]
