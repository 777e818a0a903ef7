"""Every answer's language, its Content-Security-Policy, and the end of a congress day's sign-in."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class LanguageMiddleware:
    """Activate the language of the `django_language` cookie (set by /i18n/setlang/), else vi.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a hall computer
    installed in English would show English screens to a Vietnamese counting board.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy of settings on every answer: the pages load nothing from
    outside the application and run no inline script, so injected markup cannot run or phone out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class SignedInTodayMiddleware:
    """Sign out a session that began on another day (Vietnam time): a congress day's sign-in ends
    at midnight, even on a hall computer whose browser was never closed.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from daihoi.actions.sign_in import signed_in_today

        if request.user.is_authenticated and not signed_in_today(request.session):
            logout(request)
        return self.get_response(request)
