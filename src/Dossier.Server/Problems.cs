namespace Dossier.Server;

/// <summary>Errors as RFC 7807 problem details.</summary>
internal static class Problems
{
    public static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"no {what} '{id}' in this dossier");
}
