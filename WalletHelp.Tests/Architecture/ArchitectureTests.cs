using System.Reflection;
using System.Reflection.Emit;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Tests.Architecture;

/// <summary>
/// The seams of docs/architecture.md, checked on the compiled assemblies: signatures and every type or member a
/// method body touches (IL metadata tokens), including lambdas and async state machines.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(RuleCatalog).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>
    /// Components that still use Data types. Empty since the FAQ admin pages moved to service records; a component
    /// may not be added.
    /// </summary>
    private static readonly string[] ComponentsStillUsingData = [];

    [Fact]
    public void Core_ReferencesNoAspNetCoreOrEntityFramework()
    {
        var forbidden = Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || n.StartsWith("WalletHelp.Web", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Api_ReferencesNoComponents()
    {
        var offenders = Offenders("WalletHelp.Web.Api", "WalletHelp.Web.Components");

        Assert.Empty(offenders);
    }

    [Fact]
    public void Components_ExceptAccount_UseNoDataTypes_BeyondTheKnownList()
    {
        var offenders = Offenders("WalletHelp.Web.Components", "WalletHelp.Web.Data", exceptNamespace: "WalletHelp.Web.Components.Account");
        var offendingComponents = offenders.Select(o => o.Type).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(offendingComponents.All(ComponentsStillUsingData.Contains),
            "Components must not use WalletHelp.Web.Data types (take and return service records): "
            + string.Join("; ", offenders.Where(o => !ComponentsStillUsingData.Contains(o.Type)).Select(o => $"{o.Type} → {o.Uses}").Distinct()));
        Assert.True(ComponentsStillUsingData.All(offendingComponents.Contains),
            "No longer uses Data, remove it from ComponentsStillUsingData: "
            + string.Join(", ", ComponentsStillUsingData.Except(offendingComponents)));
    }

    [Fact]
    public void Offenders_FindsAKnownReference()
    {
        // The scanner itself: the API maps diagnoses through DiagnosisService (a body-only reference).
        Assert.Contains(Offenders("WalletHelp.Web.Api", "WalletHelp.Web.Services.Diagnoses"), o => o.Uses.Contains("DiagnosisService", StringComparison.Ordinal));
    }

    /// <summary>(outermost type in <paramref name="fromNamespace"/>, referenced type in <paramref name="toNamespace"/>) pairs.</summary>
    private static List<(string Type, string Uses)> Offenders(string fromNamespace, string toNamespace, string? exceptNamespace = null)
    {
        var result = new List<(string, string)>();
        foreach (var type in Web.GetTypes())
        {
            var outer = type;
            while (outer.DeclaringType is not null) outer = outer.DeclaringType;
            var ns = outer.Namespace ?? string.Empty;
            if (!InNamespace(ns, fromNamespace) || (exceptNamespace is not null && InNamespace(ns, exceptNamespace))) continue;
            foreach (var used in ReferencedTypes(type))
            {
                if (used.Namespace is { } usedNs && InNamespace(usedNs, toNamespace)) result.Add((outer.FullName!, used.FullName ?? used.Name));
            }
        }
        return result;
    }

    private static bool InNamespace(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type?> { type.BaseType };
        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
        foreach (var method in methods)
        {
            if (method is MethodInfo info) found.Add(info.ReturnType);
            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(BodyTypes(method));
        }
        return found.Where(t => t is not null).SelectMany(t => Expand(t!));
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType) return Expand(type.GetElementType()!);
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            return [type.GetGenericTypeDefinition(), .. type.GetGenericArguments().SelectMany(Expand)];
        return [type];
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static IEnumerable<Type?> BodyTypes(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (InvalidOperationException) { il = null; }
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            if (!OpCodesByValue.TryGetValue(value, out var op)) yield break;
            i += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    foreach (var t in Resolve(method.Module, token, typeArgs, methodArgs)) yield return t;
                    break;
                default: i += 4; break;
            }
        }
    }

    private static IEnumerable<Type?> Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        MemberInfo? member;
        try { member = module.ResolveMember(token, typeArgs, methodArgs); }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or FileNotFoundException) { member = null; }
        switch (member)
        {
            case Type t: return [t];
            case FieldInfo f: return [f.DeclaringType, f.FieldType];
            case MethodInfo m: return [m.DeclaringType, m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType), .. m.IsGenericMethod ? m.GetGenericArguments() : []];
            case ConstructorInfo c: return [c.DeclaringType, .. c.GetParameters().Select(p => p.ParameterType)];
            default: return [];
        }
    }
}
