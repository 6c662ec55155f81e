namespace Softswitch.Api.Hosting;

/// <summary>The parts of Softswitch this process runs (<c>--roles api,worker,switch</c>).</summary>
public sealed record ProcessRoles(bool Api, bool Worker, bool Switch)
{
    public static ProcessRoles Parse(string roles)
    {
        var names = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => n is not ("api" or "worker" or "switch")).ToArray();
        if (unknown.Length > 0 || names.Length == 0)
        {
            throw new InvalidOperationException(
                $"Softswitch:Roles must list api, worker and/or switch; got '{roles}'.");
        }

        return new ProcessRoles(names.Contains("api"), names.Contains("worker"), names.Contains("switch"));
    }
}
