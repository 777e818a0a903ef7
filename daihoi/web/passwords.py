"""Django's password validators, saying their refusals in the catalogue's words.

Django's own messages are partly untranslated into Vietnamese ("This password is too short…"
reached the members screen in English). These subclasses keep Django's checks and replace each
message by the catalogue's sentence for its code (labels.PASSWORD_PROBLEMS), in the person's
language; settings.AUTH_PASSWORD_VALIDATORS names them.
"""

from typing import Any

from django.contrib.auth import password_validation as django_validators
from django.core.exceptions import ValidationError

from daihoi.labels import PASSWORD_PROBLEMS, words


def _worded(error: ValidationError) -> ValidationError:
    return ValidationError(
        [
            ValidationError(words(PASSWORD_PROBLEMS, e.code or "", e.params or {}), code=e.code)
            for e in error.error_list
        ]
    )


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise _worded(error) from None


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise _worded(error) from None


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise _worded(error) from None


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise _worded(error) from None
