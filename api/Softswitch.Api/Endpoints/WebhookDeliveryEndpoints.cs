using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/webhook-deliveries</c>: each event's delivery to each endpoint, with the last attempt's status code and
/// latency; a redelivery makes one due at once for the retry job (within a minute), with a fresh schedule.
/// </summary>
public static class WebhookDeliveryEndpoints
{
    private const string Resource = "webhook delivery";

    public static void MapWebhookDeliveries(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/webhook-deliveries").WithTags("Webhooks");
        group.MapGet("", ListAsync).WithName("ListWebhookDeliveries")
            .WithSummary("List webhook deliveries, oldest first, by endpoint, event, event type and status");
        group.MapPost("/{id}/redeliver", RedeliverAsync).WithName("RedeliverWebhook").WithSummary("Send a delivery again")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<WebhookDeliveryResponse>>, ValidationProblem>> ListAsync(SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, [AsParameters] WebhookDeliveryQuery filter)
    {
        var errors = new FieldErrors()
            .Optional("endpoint_id", filter.EndpointId, IdGenerator.MaxLength)
            .Optional("event_id", filter.EventId, IdGenerator.MaxLength)
            .Optional("event_type", filter.EventType, WebhookEvent.TypeMaxLength);
        var page = PageRequest.Parse(limit, cursor, errors);
        var status = errors.EnumName<WebhookDeliveryStatus>("status", filter.Status);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.WebhookDeliveries.AsQueryable();
        if (!string.IsNullOrEmpty(filter.EndpointId))
        {
            query = query.Where(d => d.EndpointId == filter.EndpointId);
        }

        if (!string.IsNullOrEmpty(filter.EventId))
        {
            query = query.Where(d => d.EventId == filter.EventId);
        }

        if (!string.IsNullOrEmpty(filter.EventType))
        {
            query = query.Where(d => d.EventType == filter.EventType);
        }

        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, WebhookMapping.AsResponse, http.RequestAborted));
    }

    private static async Task<Results<Ok<WebhookDeliveryResponse>, NotFoundProblem>> RedeliverAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, string id)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == id, http.RequestAborted);
        if (delivery is null)
        {
            return ApiProblems.NotFound(Resource, id);
        }

        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.NextAttemptAt = time.GetUtcNow().UtcDateTime;
        delivery.Rounds = 0;
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(delivery.AsResponse());
    }
}
