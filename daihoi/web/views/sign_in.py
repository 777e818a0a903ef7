"""The sign-in page: Django's, with wrong passwords throttled (daihoi.actions.sign_in)."""

from typing import Any

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpResponse

from daihoi.actions import sign_in
from daihoi.errors import ActionError


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses a locked or waiting name before looking at the password, and counts wrong ones."""

    refusal = ""

    def clean(self) -> dict[str, Any]:
        # a refusal here is a form error Django shows beside the fields, not a message on the
        # next page: so not views._common.attempt
        username = str(self.cleaned_data.get("username") or "")
        try:
            sign_in.check(username)
        except ActionError as refused:
            self.refusal = refused.text
            raise ValidationError(refused.text, code=refused.code) from None
        try:
            return super().clean()
        except ValidationError:
            if self.cleaned_data.get("password"):
                try:
                    sign_in.record_failure(username)
                except ActionError as refused:
                    self.refusal = refused.text
                    raise ValidationError(refused.text, code=refused.code) from None
            raise


class SignInView(LoginView):
    """The sign-in page; a sign-in lasts until midnight in Vietnam."""

    template_name = "web/login.html"
    authentication_form = ThrottledAuthenticationForm

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        sign_in.signed_in(form.get_user(), self.request.session)
        return response
