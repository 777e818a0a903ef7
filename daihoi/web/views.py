"""Views: each parses, calls an action or a query, renders."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from daihoi.db.models import Congress


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The congresses this installation holds."""
    congresses = Congress.objects.select_related("organisation").order_by("-starts_on")
    return render(request, "web/home.html", {"congresses": congresses})
