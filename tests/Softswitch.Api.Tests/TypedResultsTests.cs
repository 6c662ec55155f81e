using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Http;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>
/// Holds the rule that every answer a handler can give is in the OpenAPI document: handlers return typed results,
/// each of which declares its own status, so a new return of an undeclared status does not compile.
/// </summary>
public sealed class TypedResultsTests
{
    [Fact]
    public async Task Every_documented_handler_returns_typed_results_that_declare_their_statuses()
    {
        await using var app = new TestApplication();
        using var client = app.CreateClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is null)
            .ToList();
        Assert.True(endpoints.Count > 100, $"only {endpoints.Count} documented endpoints were found");

        var untyped = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<MethodInfo>()!;
            foreach (var result in Members(ResultOf(method.ReturnType)).Where(r => !Declared(r, endpoint)))
            {
                untyped.Add($"{endpoint.DisplayName}: {method.DeclaringType?.Name}.{method.Name} returns {result.Name}");
            }
        }

        Assert.True(untyped.Count == 0,
            "These handlers return results whose status the OpenAPI document cannot know; return Results<…> of typed results "
            + "(see Softswitch.Api.Http.StatusProblem):\n" + string.Join("\n", untyped));
    }

    [Fact]
    public void Every_problem_type_answers_the_status_it_declares()
    {
        var problems = typeof(StatusProblem).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(StatusProblem)) && !t.IsAbstract)
            .ToList();
        Assert.NotEmpty(problems);

        foreach (var type in problems)
        {
            var problem = (StatusProblem)Activator.CreateInstance(type, "title", "detail")!;
            var declared = Declarations(type);
            var only = Assert.Single(declared);
            Assert.Equal(problem.StatusCode, only.StatusCode);
            Assert.Equal(problem.StatusCode, problem.ProblemDetails.Status);
            Assert.Contains("application/problem+json", only.ContentTypes);
        }
    }

    [Fact]
    public void A_guarded_load_failure_declares_both_of_its_statuses()
    {
        var declared = Declarations(typeof(MissingOrStale)).Select(d => d.StatusCode).Order().ToList();
        Assert.Equal([StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed], declared);
        Assert.Equal(404, MissingOrStale.Missing(ApiProblems.NotFound("thing", "t_1")).StatusCode);
        Assert.Equal(412, MissingOrStale.Stale(ApiProblems.PreconditionFailed(3)).StatusCode);
    }

    private static Type ResultOf(Type returned) =>
        returned.IsGenericType && (returned.GetGenericTypeDefinition() == typeof(Task<>) || returned.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returned.GetGenericArguments()[0]
            : returned;

    /// <summary>The results a return type can be: the members of a <c>Results&lt;…&gt;</c>, or the type itself.</summary>
    private static IEnumerable<Type> Members(Type result) =>
        result.IsGenericType && result.GetGenericTypeDefinition().FullName!.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal)
            ? result.GetGenericArguments()
            : [result];

    /// <summary>
    /// A typed result declares itself; a body that is not a result is inferred as 200; a result that describes
    /// nothing (text, a stream) is allowed only with a 2xx declared by hand, which says its content type.
    /// </summary>
    private static bool Declared(Type result, Endpoint endpoint)
    {
        if (result == typeof(Task) || result == typeof(ValueTask) || result == typeof(object) || result.IsInterface || result.IsAbstract)
        {
            return false;
        }

        if (!typeof(IResult).IsAssignableFrom(result) || typeof(IEndpointMetadataProvider).IsAssignableFrom(result))
        {
            return true;
        }

        return endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>()
            .Any(p => p.StatusCode is >= 200 and < 300 && p.ContentTypes.Any());
    }

    private static List<IProducesResponseTypeMetadata> Declarations(Type result)
    {
        var builder = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0);
        var populate = result.GetMethod(nameof(IEndpointMetadataProvider.PopulateMetadata), BindingFlags.Public | BindingFlags.Static)!;
        populate.Invoke(null, [populate, builder]);
        return builder.Metadata.OfType<IProducesResponseTypeMetadata>().ToList();
    }
}
