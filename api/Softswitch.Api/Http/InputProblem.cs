using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Softswitch.Api.Http;

/// <summary>
/// 400 with field errors, for an operation that takes an uploaded file: either the request's fields
/// (<see cref="ValidationProblem"/>) or the file's bad rows, keyed <c>row N</c> and written with their keys verbatim
/// (see <c>RateDeckFaults</c>). One type for both keeps such operations within <c>Results&lt;…&gt;</c>'s six members.
/// </summary>
public sealed class InputProblem : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly IResult problem;

    private InputProblem(IResult problem) => this.problem = problem;

    public int? StatusCode => StatusCodes.Status400BadRequest;

    public static InputProblem Fields(ValidationProblem problem) => new(problem);

    public static InputProblem Rows(JsonHttpResult<HttpValidationProblemDetails> problem) => new(problem);

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
}
