using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Reference;

namespace WalletHelp.Web.Api;

/// <summary>The BIN lookup answer (API.md "Reference data").</summary>
public sealed record BinResponse(string Prefix, string BankCode, string BankName, string BankNameEn, string CardType, int Length);

public sealed record BinRejectionResponse(int Line, int Column, string ColumnName, string Reason);

/// <summary>The import report (API.md): counts, rejected lines with the reason for each, and the import id when written.</summary>
public sealed record BinImportResponse(bool DryRun, int Added, int Changed, int Unchanged, IReadOnlyList<BinRejectionResponse> Rejected, long? ImportId);

public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/reference/bins").WithTags("Reference data");
        group.MapGet("/{digits}", LookupBin).AllowAnonymous();
        // The text/csv body is read by hand, so the handler answers 415 itself for another content type.
        group.MapPost("/", ImportBins).RequireAuthorization(ApiExtensions.AdminPolicy).DisableAntiforgery();
        // Export of the effective table (the admin page's download link).
        endpoints.MapGet("/api/v1/reference/bins.csv", ExportBins).WithTags("Reference data")
            .RequireAuthorization(ApiExtensions.AdminPolicy);
        return endpoints;
    }

    /// <summary>6–10 leading digits of a card; longer input is refused so no one sends a whole card number.</summary>
    public static Results<Ok<BinResponse>, ProblemHttpResult, ValidationProblem> LookupBin(string digits, BinReferenceService bins)
    {
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["digits"] = ["digits must be 6 to 10 ASCII digits."] });
        if (digits.Length > 10)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["digits"] = ["Send only the first 6 to 10 digits of a card, never a whole card number."],
            });
        if (digits.Length < 6)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["digits"] = ["digits must be at least 6 digits."] });
        return bins.Lookup(digits) is { } view
            ? TypedResults.Ok(new BinResponse(view.Prefix, view.BankCode, view.BankName, view.BankNameEn, view.CardTypeName, view.Length))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No BIN entry matches these digits.");
    }

    public static async Task<Results<Ok<BinImportResponse>, ProblemHttpResult, ValidationProblem>> ImportBins(
        HttpRequest request, bool? dryRun, BinReferenceService bins, CancellationToken ct)
    {
        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the CSV as text/csv.");
        if (request.ContentLength > BinReferenceService.MaxCsvBytes)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The CSV is larger than 2 MiB.");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[BinReferenceService.MaxCsvBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > BinReferenceService.MaxCsvBytes)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The CSV is larger than 2 MiB.");
        var report = await bins.ImportAsync(new string(buffer, 0, read), dryRun ?? true, AuditActor.From(request.HttpContext), null, ct);
        return TypedResults.Ok(new BinImportResponse(report.DryRun, report.Added, report.Changed, report.Unchanged,
            [.. report.Rejected.Select(r => new BinRejectionResponse(r.Line, r.Column, r.ColumnName, r.Reason))], report.ImportId));
    }

    public static IResult ExportBins(BinReferenceService bins) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(bins.ExportCsv())).ToArray(), "text/csv; charset=utf-8", "bins.csv");
}
