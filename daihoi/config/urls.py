"""Root URLs: the application, sign-in, and the read-only admin when DAIHOI_ADMIN=1."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path

from daihoi.web.views.sign_in import SignInView

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("dang-nhap/", SignInView.as_view(), name="login"),  # throttled; before web/urls.py
    path("", include("daihoi.web.urls")),
]

if settings.ADMIN_ENABLED:  # DAIHOI_ADMIN=1: a read-only admin (daihoi.web.admin)
    from daihoi.web.admin import read_only_site

    urlpatterns.insert(0, path("admin/", read_only_site().urls))
