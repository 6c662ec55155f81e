using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Api.Webhooks;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/webhook-endpoints</c>: the tenant's receivers of call-state webhooks. The secret is shown on create and on
/// rotate only; after a rotation the previous secret also signs for <c>Softswitch:Webhooks:RotationOverlapHours</c>.
/// A URL must reach a public address (SSRF guard). The switch picks changes up within a second.
/// </summary>
public static class WebhookEndpointEndpoints
{
    private const string Resource = "webhook endpoint";

    public static void MapWebhookEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/webhook-endpoints").WithTags("Webhooks");
        group.MapGet("", ListAsync).WithName("ListWebhookEndpoints").WithSummary("List the tenant's webhook endpoints");
        group.MapGet("/{id}", GetAsync).WithName("GetWebhookEndpoint").WithSummary("Get a webhook endpoint");
        group.MapPost("", CreateAsync).WithName("CreateWebhookEndpoint").WithSummary("Add a webhook endpoint; the answer carries its secret, shown once")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Produces<WebhookEndpointSecretResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateWebhookEndpoint").WithSummary("Change a webhook endpoint (enabling it clears the platform's disable)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhookEndpoint").WithSummary("Delete a webhook endpoint and its deliveries")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPost("/{id}/rotate-secret", RotateAsync).WithName("RotateWebhookSecret")
            .WithSummary("Give the endpoint a new secret; the old one also signs during the overlap")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Produces<WebhookEndpointSecretResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/test", TestAsync).WithName("TestWebhookEndpoint")
            .WithSummary("Send a signed webhook.test event now and answer the delivery (response code, latency)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPost("/{id}/recover", RecoverAsync).WithName("RecoverWebhookEndpoint")
            .WithSummary("Send again every failed delivery of the endpoint since a time")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static Task<Results<Ok<Page<WebhookEndpointResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.WebhookEndpoints, limit, cursor, WebhookMapping.AsResponse, http);

    private static Task<Results<Ok<WebhookEndpointResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.WebhookEndpoints, id, Resource, WebhookMapping.AsResponse, http);

    private static async Task<Results<Created<WebhookEndpointSecretResponse>, ValidationProblem, UnprocessableProblem>> CreateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<WebhookOptions> options, WebhookEndpointRequest request)
    {
        var errors = await ValidateAsync(request, options.Value, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.WebhookEndpoints.CountAsync(http.RequestAborted) >= options.Value.MaxEndpointsPerTenant)
        {
            return new FieldErrors().Add("url", $"would pass the limit of {options.Value.MaxEndpointsPerTenant} webhook endpoints per tenant.")
                .ToRefusal();
        }

        var endpoint = new WebhookEndpoint { Secret = WebhookSecret.Generate() };
        Apply(endpoint, request);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(http.RequestAborted);
        ETags.Set(http.Response, endpoint);
        var created = endpoint.WithSecret();
        IdempotentReplay.AnswerWith(http, created.WithoutSecret());
        return TypedResults.Created($"/v1/webhook-endpoints/{endpoint.Id}", created);
    }

    private static async Task<Results<Ok<WebhookEndpointResponse>, ValidationProblem, MissingOrStale>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<WebhookOptions> options, string id, WebhookEndpointRequest request)
    {
        var (endpoint, failure) = await EntityOperations.LoadForUpdateAsync(db.WebhookEndpoints, id, Resource, http);
        if (endpoint is null)
        {
            return failure!;
        }

        var errors = await ValidateAsync(request, options.Value, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        Apply(endpoint, request);
        if (endpoint.Enabled)
        {
            endpoint.DisabledReason = null;
            endpoint.DisabledAt = null;
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Updated(http, endpoint, WebhookMapping.AsResponse);
    }

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.WebhookEndpoints, id, Resource, http);

    private static async Task<Results<Ok<WebhookEndpointSecretResponse>, NotFoundProblem>> RotateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<WebhookOptions> options, TimeProvider time, string id)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, http.RequestAborted);
        if (endpoint is null)
        {
            return ApiProblems.NotFound(Resource, id);
        }

        endpoint.PreviousSecret = endpoint.Secret;
        endpoint.PreviousSecretExpiresAt = time.GetUtcNow().UtcDateTime.AddHours(options.Value.RotationOverlapHours);
        endpoint.Secret = WebhookSecret.Generate();
        await db.SaveChangesAsync(http.RequestAborted);
        ETags.Set(http.Response, endpoint);
        var rotated = endpoint.WithSecret();
        IdempotentReplay.AnswerWith(http, rotated.WithoutSecret());
        return TypedResults.Ok(rotated);
    }

    private static async Task<Results<Ok<WebhookDeliveryResponse>, NotFoundProblem>> TestAsync(SoftswitchDbContext db, HttpContext http, IWebhookSender sender, TimeProvider time, string id)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, http.RequestAborted);
        if (endpoint is null)
        {
            return ApiProblems.NotFound(Resource, id);
        }

        var now = time.GetUtcNow();
        var eventId = WebhookEventIds.New(now);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = WebhookEventTypes.Test, ["timestamp"] = now, ["event_id"] = eventId, ["tenant_id"] = endpoint.TenantId,
            ["data"] = new Dictionary<string, string> { ["endpoint_id"] = endpoint.Id },
        });
        var attempt = await sender.SendAsync(endpoint, eventId, body, http.RequestAborted);
        var delivery = new WebhookDelivery { EndpointId = endpoint.Id, EventId = eventId, EventType = WebhookEventTypes.Test };
        WebhookDeliveryProgress.Apply(delivery, attempt, 1, time.GetUtcNow().UtcDateTime);
        db.WebhookEvents.Add(new WebhookEvent
        {
            Id = eventId, Type = WebhookEventTypes.Test, OccurredAt = now.UtcDateTime, Payload = Encoding.UTF8.GetString(body), FannedOutAt = now.UtcDateTime,
        });
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(delivery.AsResponse());
    }

    private static async Task<Results<Ok<WebhookRecoverResponse>, ValidationProblem, NotFoundProblem>> RecoverAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, string id, WebhookRecoverRequest request)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, http.RequestAborted))
        {
            return ApiProblems.NotFound(Resource, id);
        }

        if (request.Since is not { } since)
        {
            return new FieldErrors().Add("since", "is required.").ToProblem();
        }

        var from = since.ToUniversalTime();
        var now = time.GetUtcNow().UtcDateTime;
        var recovered = await db.WebhookDeliveries
            .Where(d => d.EndpointId == id && d.Status == WebhookDeliveryStatus.Failed && d.CreatedAt >= from)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.Rounds, 0)
                    .SetProperty(d => d.UpdatedAt, now).SetProperty(d => d.Version, d => d.Version + 1),
                http.RequestAborted);
        return TypedResults.Ok(new WebhookRecoverResponse(recovered));
    }

    private static async Task<FieldErrors> ValidateAsync(WebhookEndpointRequest request, WebhookOptions options, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("url", request.Url, WebhookEndpoint.UrlMaxLength)
            .Optional("description", request.Description, WebhookEndpoint.DescriptionMaxLength);
        if (request.EventTypes is not { Count: > 0 } types)
        {
            errors.Add("event_types", "must name at least one event type.");
        }
        else if (types.FirstOrDefault(t => !WebhookEventTypes.IsSubscribable(t)) is { } unknown)
        {
            errors.Add("event_types", $"'{unknown}' is not one of {string.Join(", ", WebhookEventTypes.Subscribable)}.");
        }

        MetadataHeaderRules.Check("metadata_headers", request.MetadataHeaders, errors);
        if (!errors.Any)
        {
            await WebhookUrlCheck.CheckAsync("url", request.Url, options.AllowPrivateTargets, errors, cancellationToken);
        }

        return errors;
    }

    private static void Apply(WebhookEndpoint endpoint, WebhookEndpointRequest request)
    {
        endpoint.Url = request.Url!;
        endpoint.EventTypes = request.EventTypes!.Distinct(StringComparer.Ordinal).ToList();
        endpoint.Enabled = request.Enabled ?? true;
        endpoint.Description = request.Description;
        endpoint.MetadataHeaders = request.MetadataHeaders?.Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
    }
}
