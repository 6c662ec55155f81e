using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Softswitch.Api.Http;

/// <summary>
/// Declares the answers to writes that come from the pipeline rather than the handler, so the typed handler results
/// and this convention together list every status an operation can give: on a POST, an <c>Idempotency-Key</c> still
/// in flight (409) or reused with another body (422) (<see cref="IdempotencyMiddleware"/>); on every write, a row
/// changed, duplicated or still referenced by another request meanwhile (409, <see cref="ErrorHandling"/>).
/// </summary>
public static class WriteProblems
{
    public static TBuilder ProducesWriteProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (methods.Exists(HttpMethods.IsPost))
            {
                Declare(endpoint, StatusCodes.Status409Conflict);
                Declare(endpoint, StatusCodes.Status422UnprocessableEntity);
            }
            else if (methods.Exists(m => HttpMethods.IsPut(m) || HttpMethods.IsDelete(m) || HttpMethods.IsPatch(m)))
            {
                Declare(endpoint, StatusCodes.Status409Conflict);
            }
        });
        return builder;
    }

    private static void Declare(EndpointBuilder endpoint, int status) =>
        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}
