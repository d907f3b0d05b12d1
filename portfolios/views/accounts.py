"""Sign up and profile; log in, log out and passwords use Django's own views."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from portfolios import access, services
from portfolios.forms import ProfileForm, SignupForm
from portfolios.models import User


def _attach_session_invites(request: HttpRequest, user: User) -> None:
    """Mentor invites accepted in this browser before signing in now belong to the account too."""
    for invite in access.live_invites(request).filter(user__isnull=True):
        services.mentor_invite_attach(invite=invite, user=user)


class LoginView(auth_views.LoginView):
    """Django's login, plus: invites opened in this browser join the account."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        _attach_session_invites(self.request, form.get_user())
        return response


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account with email and password, then sign in."""
    if request.user.is_authenticated:
        return redirect("portfolios:dashboard")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        _attach_session_invites(request, user)
        if access.session_invite_ids(request):
            messages.success(request, "Account created. The portfolios you review are in your review inbox.")
            return redirect("portfolios:review_inbox")
        messages.success(request, "Welcome! Start by creating a portfolio for the setting you are targeting.")
        return redirect("portfolios:portfolio_new")
    return render(request, "registration/signup.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Display name and headline, shown on the candidate's portfolios."""
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            headline=form.cleaned_data["headline"],
        )
        messages.success(request, "Profile saved.")
        return redirect("profile")
    return render(request, "registration/profile.html", {"form": form})
