"""Sign up and profile; log in, log out and passwords use Django's own views."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from portfolios import access, selectors, services, throttle
from portfolios.forms import DeleteAccountForm, LoginForm, ProfileForm, SignupForm
from portfolios.models import User
from portfolios.services.accounts import account_create
from portfolios.tracks import TRACKS_BY_KEY


def _attach_session_invites(request: HttpRequest, user: User) -> None:
    """Mentor invites accepted in this browser before signing in now belong to the account too."""
    for invite in access.live_invites(request).filter(user__isnull=True):
        services.mentor_invite_attach(invite=invite, user=user)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per address and per email so it cannot flood an inbox."""

    def form_valid(self, form):
        address = throttle.client_address(self.request)
        email = User.objects.normalize_email(form.cleaned_data["email"])
        if throttle.is_limited(throttle.PASSWORD_RESETS_PER_ADDRESS, address) or throttle.is_limited(
            throttle.PASSWORD_RESETS_PER_EMAIL, email
        ):
            form.add_error(None, "Too many reset requests. Wait an hour, then try again.")
            return self.render_to_response(self.get_context_data(form=form), status=429)
        throttle.hit(throttle.PASSWORD_RESETS_PER_ADDRESS, address)
        throttle.hit(throttle.PASSWORD_RESETS_PER_EMAIL, email)
        return super().form_valid(form)


class LoginView(auth_views.LoginView):
    """Django's login, plus: invites opened in this browser join the account."""

    redirect_authenticated_user = True
    authentication_form = LoginForm

    def get_redirect_url(self) -> str:
        # ?next= pointing back at this page would make Django raise a redirect-loop error (a 500).
        url = super().get_redirect_url()
        return "" if url and url.split("?")[0] == self.request.path else url

    def form_valid(self, form):
        response = super().form_valid(form)
        _attach_session_invites(self.request, form.get_user())
        return response


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account with email and password, then sign in."""
    # ?track=<key> from a landing-page track card: carried through sign-up to the new-portfolio page.
    track = TRACKS_BY_KEY.get(request.GET.get("track", ""))
    if request.user.is_authenticated:
        return redirect("portfolios:dashboard")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = account_create(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data.get("display_name", ""),
            )
        except ValidationError as error:  # another sign-up took the email since the form checked it
            form.add_error(None, error)
            return render(request, "registration/signup.html", {"form": form, "track": track})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        _attach_session_invites(request, user)
        if access.session_invite_ids(request):
            messages.success(request, "Account created. The portfolios you review are in your review inbox.")
            return redirect("portfolios:review_inbox")
        messages.success(request, "Welcome! Start by creating a portfolio for the setting you are targeting.")
        if track is not None:
            return redirect(f"{reverse('portfolios:portfolio_new')}?{urlencode({'track': track.key})}")
        return redirect("portfolios:portfolio_new")
    return render(request, "registration/signup.html", {"form": form, "track": track})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Display name and headline, shown on the candidate's portfolios."""
    # Read before the form runs: a bound ModelForm writes the submitted values onto request.user.
    identifier_places = selectors.identifier_places_cached(request.user)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            headline=form.cleaned_data["headline"],
            email_notifications=form.cleaned_data["email_notifications"],
        )
        messages.success(request, "Profile saved.")
        return redirect("profile")
    return render(
        request,
        "registration/profile.html",
        {"form": form, "identifier_places": identifier_places},
    )


@login_required
@require_http_methods(["GET"])
def export(request: HttpRequest) -> HttpResponse:
    """Download everything the user owns as one JSON file."""
    data = services.account_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="otportfolio-export-{stamp}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    """Delete the account and everything it owns, after the password confirms it."""
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(request, "Your account and everything in it were deleted. Your share links no longer work.")
        return redirect("portfolios:landing")
    return render(
        request,
        "registration/account_delete.html",
        {"form": form},
        status=422 if form.is_bound and form.errors else 200,
    )
