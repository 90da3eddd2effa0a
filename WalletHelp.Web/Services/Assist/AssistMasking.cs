using System.Text.Json;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Web.Services.Assist;

/// <summary>
/// Builds what the agents may see from what the user typed, on the user's server, before anything is published:
/// the stored masked form (<see cref="PersonalDataMasking.Mask"/>: ID 6 + 4, card 4 + 4, phone 3 + 4, names
/// first character, free text scrubbed) and findings with scrubbed arguments. Nothing else leaves the user's circuit.
/// </summary>
public static class AssistMasking
{
    /// <summary>The masked input as JSON (the same shape a stored diagnosis keeps).</summary>
    public static JsonElement Mask(DiagnosisInput input) =>
        JsonSerializer.SerializeToElement(PersonalDataMasking.Mask(input), DiagnosisService.Json);

    /// <summary>The answered fields among <paramref name="paths"/> (JSON paths such as <c>personal.idNumber</c>), masked.</summary>
    public static IReadOnlyList<AssistField> Fields(JsonElement? masked, IEnumerable<string> paths)
    {
        var fields = new List<AssistField>();
        if (masked is not { ValueKind: JsonValueKind.Object } root) return fields;
        foreach (var path in paths)
        {
            if (!TryGet(root, path, out var value)) continue;
            switch (value.ValueKind)
            {
                case JsonValueKind.True or JsonValueKind.False:
                    fields.Add(new AssistField(path, "bool", value.ValueKind == JsonValueKind.True ? "true" : "false"));
                    break;
                case JsonValueKind.Number:
                    fields.Add(new AssistField(path, "number", value.GetRawText()));
                    break;
                case JsonValueKind.String when value.GetString() is { Length: > 0 } text:
                    fields.Add(new AssistField(path, "text", text));
                    break;
            }
        }
        return fields;
    }

    public static IReadOnlyList<AssistFinding> Findings(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => new AssistFinding(f.Code, f.Severity.ToCode(), f.Field,
            f.Args is null ? null : f.Args.ToDictionary(a => a.Key, a => PersonalDataMasking.ScrubFreeText(a.Value) ?? "")))];

    private static bool TryGet(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        foreach (var part in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(part, out value)) return false;
        }
        return true;
    }
}
