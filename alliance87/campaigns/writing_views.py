"""The pages where the Secretariat and a campaign's reviewers write it:
the campaign (new, edit, publish, back to draft), the key messages and
social media texts of its toolkit, and the correction of its images (added
at views.add_image). Every form is a plain POST."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance87.campaigns import selectors, services
from alliance87.campaigns.forms import CampaignAddressForm, CampaignForm, ImageForm, MessageForm
from alliance87.campaigns.models import Campaign, CampaignImage, Message
from alliance87.campaigns.rules import groups_for_new_campaign, may_write
from alliance87.core.forms import add_service_errors
from alliance87.core.visibility import is_secretariat
from alliance87.events.models import Event
from alliance87.groups.models import Group

LANGUAGES = ("en", "fr", "es")
TRANSLATED = ("title", "summary", "call")


def _campaign_for_writer(request: HttpRequest, slug: str) -> Campaign:
    campaign = selectors.get_campaign_for_user(request.user, slug)
    if not may_write(request.user, campaign):
        raise Http404("Not found.")
    return campaign


def _campaign_initial(campaign: Campaign) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "event": campaign.event.slug if campaign.event else "",
        "date": campaign.date,
        "review_group": campaign.review_group_id,
        "visibility": campaign.visibility,
        "call_open": campaign.call_open,
    }
    for name in TRANSLATED:
        for code in LANGUAGES:
            initial[f"{name}_{code}"] = getattr(campaign, f"{name}_{code}") or ""
    return initial


def _fill_campaign(request: HttpRequest, form: CampaignForm, campaign: Campaign) -> bool:
    """Copy the form onto `campaign`; False (with the error on the form)
    when the event named is not one the writer may see."""
    data = form.cleaned_data
    for name in TRANSLATED:
        for code in LANGUAGES:
            setattr(campaign, f"{name}_{code}", data[f"{name}_{code}"].strip())
    campaign.event = None
    if data["event"]:
        event = Event.objects.visible_to(request.user).filter(slug=data["event"]).first()
        if event is None:
            form.add_error("event", _("No event of the calendar has this address name."))
            return False
        campaign.event = event
    campaign.date = data["date"]
    campaign.review_group = data["review_group"]
    campaign.visibility = data["visibility"]
    campaign.call_open = data["call_open"]
    return True


def _field_for(name: str) -> str:
    return f"{name}_en" if name in TRANSLATED else name


def _render_campaign_form(
    request: HttpRequest, form: CampaignForm, campaign: Campaign | None
) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "campaigns/campaign_form.html",
        {
            "form": form,
            "campaign": campaign,
            "may_change_address": campaign is not None and is_secretariat(request.user),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def new_campaign(request: HttpRequest) -> HttpResponse:
    """Start a campaign (a draft until published)."""
    groups = groups_for_new_campaign(request.user)
    if not groups.exists():
        raise Http404("Not found.")
    form = CampaignForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        campaign = Campaign()
        if _fill_campaign(request, form, campaign):
            slug = form.cleaned_data["slug"] or slugify(form.cleaned_data["title_en"])[:100]
            try:
                campaign.slug = services.check_campaign_address(slug)
                services.save_campaign(campaign, acting_user=request.user)
            except ValidationError as error:
                add_service_errors(form, error, field_for=_field_for)
            else:
                messages.success(
                    request, _("The campaign is saved as a draft: publish it when ready.")
                )
                return redirect(campaign.get_absolute_url())
    return _render_campaign_form(request, form, None)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def edit_campaign(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign_for_writer(request, slug)
    # The reviewing group may be kept, or changed to another the writer
    # could start a campaign with.
    groups = Group.objects.filter(
        Q(pk__in=groups_for_new_campaign(request.user).values("pk"))
        | Q(pk=campaign.review_group_id)
    ).order_by("name")
    form = CampaignForm(
        request.POST or None,
        groups=groups,
        editing=True,
        initial=_campaign_initial(campaign),
    )
    if request.method == "POST" and form.is_valid() and _fill_campaign(request, form, campaign):
        try:
            services.save_campaign(campaign, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(form, error, field_for=_field_for)
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect(campaign.get_absolute_url())
    return _render_campaign_form(request, form, campaign)


@require_POST
@login_required
def publish_campaign(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish the campaign, or return it to draft (`action=draft`)."""
    campaign = _campaign_for_writer(request, slug)
    try:
        if request.POST.get("action") == "draft":
            services.unpublish_campaign(campaign, acting_user=request.user)
            messages.success(request, _("The campaign is a draft again."))
        else:
            services.publish_campaign(campaign, acting_user=request.user)
            messages.success(request, _("The campaign is published."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(campaign.get_absolute_url())


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def message_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Add a key message or social media text, or change one."""
    campaign = _campaign_for_writer(request, slug)
    message = get_object_or_404(Message, campaign=campaign, pk=pk) if pk else None
    initial: dict[str, Any] = {}
    if message is not None:
        initial = {"kind": message.kind, "order": message.order}
        for code in LANGUAGES:
            initial[f"text_{code}"] = getattr(message, f"text_{code}") or ""
    form = MessageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if message is None:
            message = Message(campaign=campaign, key=f"{data['kind']}-{secrets.token_hex(4)}")
        message.kind = data["kind"]
        message.order = data["order"]
        for code in LANGUAGES:
            setattr(message, f"text_{code}", data[f"text_{code}"].strip())
        try:
            services.save_message(message, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(form, error, field_for=lambda n: f"{n}_en" if n == "text" else n)
        else:
            messages.success(request, _("The text is in the toolkit."))
            return redirect(campaign.get_absolute_url() + "#toolkit")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "campaigns/message_form.html",
        {"campaign": campaign, "form": form, "message": message},
        status=status,
    )


@require_POST
@login_required
def remove_message(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    campaign = _campaign_for_writer(request, slug)
    message = get_object_or_404(Message, campaign=campaign, pk=pk)
    services.remove_message(message, acting_user=request.user)
    messages.success(request, _("The text is out of the toolkit."))
    return redirect(campaign.get_absolute_url() + "#toolkit")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def image_form(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Correct an image of the toolkit: its alt text, licence and credit,
    or replace its file."""
    campaign = _campaign_for_writer(request, slug)
    image = get_object_or_404(CampaignImage, campaign=campaign, pk=pk)
    initial: dict[str, Any] = {"licence": image.licence, "credit": image.credit}
    for code in LANGUAGES:
        initial[f"alt_{code}"] = getattr(image, f"alt_{code}") or ""
    form = ImageForm(request.POST or None, request.FILES or None, initial=initial, replacing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_campaign_image(
                image,
                acting_user=request.user,
                alt={code: data[f"alt_{code}"] for code in LANGUAGES},
                licence=data["licence"],
                credit=data["credit"],
                upload=data["image"] or None,
            )
        except ValidationError as error:
            add_service_errors(form, error, unnamed="image")
        else:
            messages.success(request, _("The image is saved."))
            return redirect(campaign.get_absolute_url() + "#toolkit")
        image.refresh_from_db()  # the page shows the image as stored
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "campaigns/image_form.html",
        {"campaign": campaign, "form": form, "image": image},
        status=status,
    )


@require_POST
@login_required
def remove_image(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    campaign = _campaign_for_writer(request, slug)
    image = get_object_or_404(CampaignImage, campaign=campaign, pk=pk)
    services.remove_campaign_image(image, acting_user=request.user)
    messages.success(request, _("The image is out of the toolkit."))
    return redirect(campaign.get_absolute_url() + "#toolkit")


@require_POST
@login_required
def move_image(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Move an image one place up or down in the toolkit."""
    campaign = _campaign_for_writer(request, slug)
    image = get_object_or_404(CampaignImage, campaign=campaign, pk=pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, _("Choose whether to move the image up or down."))
    else:
        services.move_campaign_image(image, acting_user=request.user, up=direction == "up")
    return redirect(campaign.get_absolute_url() + f"#image-{image.pk}")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def change_address(request: HttpRequest, slug: str) -> HttpResponse:
    """The Secretariat changes a campaign's address; the former one
    redirects to it. Others get 404, as for a page that is not there."""
    if not is_secretariat(request.user):
        raise Http404("Not found.")
    campaign = selectors.get_campaign_for_user(request.user, slug)
    form = CampaignAddressForm(request.POST or None, initial={"slug": campaign.slug})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_campaign_slug(
                campaign, slug=form.cleaned_data["slug"], acting_user=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The campaign's address is changed; links to the former one lead here."),
            )
            return redirect(campaign.get_absolute_url())
    return render(
        request,
        "campaigns/address_form.html",
        {
            "campaign": campaign,
            "form": form,
            "former": list(campaign.old_slugs.all()),
        },
        status=400 if request.method == "POST" else 200,
    )
