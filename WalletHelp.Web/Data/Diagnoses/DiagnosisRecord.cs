using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data.Diagnoses;

/// <summary>
/// A stored diagnosis. Holds only masked inputs and keyed hashes: a full ID or card number never gets here.
/// Findings are stored language-neutral (code, severity, field, args) and localized when shown.
/// </summary>
public class DiagnosisRecord
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Symptom { get; set; }
    public required string Outcome { get; set; }
    public DateTimeOffset? RetryAfter { get; set; }
    public required string Language { get; set; }
    public required string RuleSetVersion { get; set; }
    /// <summary>The rule parameter set the diagnosis ran with (0: the configuration).</summary>
    public int ParameterSet { get; set; }
    /// <summary>JSON array of findings (code, severity, field, selfService, args).</summary>
    public required string FindingsJson { get; set; }
    /// <summary>JSON of the masked inputs, for agents.</summary>
    public required string MaskedInputJson { get; set; }
    /// <summary>HMAC-SHA256 (hex) of the normalised ID number, for counting repeat attempts.</summary>
    public string? IdNumberHash { get; set; }
    /// <summary>HMAC-SHA256 (hex) of the normalised card number.</summary>
    public string? CardNumberHash { get; set; }
    /// <summary>The signed-in user who ran it, if any.</summary>
    public string? OwnerUserId { get; set; }
    /// <summary>
    /// The member of staff who ran it on a caller's behalf (a guided call, <c>/agent/guide</c>); null when the person
    /// ran it themselves (web page or API).
    /// </summary>
    public string? CreatorUserId { get; set; }
    public string? CreatorName { get; set; }
    /// <summary>HMAC of the anonymous browser's id, so the same browser can reopen its result.</summary>
    public string? BrowserHash { get; set; }
    /// <summary>Comma-separated finding codes, for analytics without parsing JSON.</summary>
    public required string Codes { get; set; }
    public string Status { get; set; } = DiagnosisStatus.Open;
    /// <summary>Why the case was resolved or escalated (a code from <c>CaseVocabulary</c>), else null.</summary>
    public string? StatusReason { get; set; }
    /// <summary>The agent's optional words on the reason (scrubbed of ID and card numbers).</summary>
    public string? StatusNote { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    /// <summary>The member of staff the case is assigned to.</summary>
    public string? AssigneeUserId { get; set; }
    public string? AssigneeName { get; set; }
    /// <summary>Every status and assignment change: who and when.</summary>
    public List<DiagnosisCaseEvent> CaseEvents { get; set; } = [];
    public bool? Helpful { get; set; }
    public string? HelpfulComment { get; set; }
    public List<DiagnosisNote> Notes { get; set; } = [];
    /// <summary>Every run under this reference (the record's own outcome and findings are the latest attempt's).</summary>
    public List<DiagnosisAttempt> Attempts { get; set; } = [];
}

/// <summary>
/// One run of the rules under a diagnosis reference: the first submit, then each re-run after "edit this answer" or a
/// fix. Masked input and language-neutral findings only, like the diagnosis itself.
/// </summary>
public class DiagnosisAttempt
{
    public long Id { get; set; }
    public long DiagnosisId { get; set; }
    /// <summary>1, 2, … in the order they ran.</summary>
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Outcome { get; set; }
    public DateTimeOffset? RetryAfter { get; set; }
    public required string RuleSetVersion { get; set; }
    public int ParameterSet { get; set; }
    public required string FindingsJson { get; set; }
    public required string MaskedInputJson { get; set; }
    public required string Codes { get; set; }
}

public static class DiagnosisStatus
{
    public const string Open = "open";
    public const string WaitingOnUser = "waiting-on-user";
    public const string Resolved = "resolved";
    public const string Escalated = "escalated";
}

/// <summary>A change to a case: its status (with the reason) or its assignee, by whom and when.</summary>
public class DiagnosisCaseEvent
{
    public long Id { get; set; }
    public long DiagnosisId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public string? ActorId { get; set; }
    /// <summary><c>status</c> or <c>assignee</c>.</summary>
    public required string Kind { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }
}

/// <summary>An agent's note on a diagnosis.</summary>
public class DiagnosisNote
{
    public long Id { get; set; }
    public long DiagnosisId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
}

public sealed class DiagnosisRecordConfiguration : IEntityTypeConfiguration<DiagnosisRecord>
{
    public void Configure(EntityTypeBuilder<DiagnosisRecord> builder)
    {
        // Triggers keep the analytics daily counts (migrations AdminAnalytics and AnalyticsDailyCounts); EF must know of
        // them (no RETURNING on such tables).
        builder.ToTable("Diagnoses", t =>
        {
            t.HasTrigger("Diagnoses_CountFindings");
            t.HasTrigger("Diagnoses_CountCases");
            t.HasTrigger("Diagnoses_RecountRerun");
            t.HasTrigger("Diagnoses_MoveCaseStatus");
        });
        builder.Property(d => d.Reference).HasMaxLength(12).IsRequired();
        builder.HasIndex(d => d.Reference).IsUnique();
        builder.Property(d => d.Symptom).HasMaxLength(40);
        builder.Property(d => d.Outcome).HasMaxLength(20);
        builder.Property(d => d.Language).HasMaxLength(10);
        builder.Property(d => d.RuleSetVersion).HasMaxLength(20);
        builder.Property(d => d.IdNumberHash).HasMaxLength(64);
        builder.Property(d => d.CardNumberHash).HasMaxLength(64);
        builder.Property(d => d.BrowserHash).HasMaxLength(64);
        builder.Property(d => d.OwnerUserId).HasMaxLength(450);
        builder.Property(d => d.Status).HasMaxLength(20);
        builder.Property(d => d.CreatorUserId).HasMaxLength(450);
        builder.Property(d => d.CreatorName).HasMaxLength(256);
        builder.Property(d => d.HelpfulComment).HasMaxLength(1000);
        builder.Property(d => d.Codes).HasMaxLength(2000);
        builder.HasIndex(d => d.IdNumberHash);
        builder.HasIndex(d => d.CardNumberHash);
        builder.HasIndex(d => d.OwnerUserId);
        builder.HasIndex(d => d.CreatedAt);
        builder.HasMany(d => d.Notes).WithOne().HasForeignKey(n => n.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.StatusReason).HasMaxLength(40);
        builder.Property(d => d.StatusNote).HasMaxLength(1000);
        builder.Property(d => d.StatusChangedAt).HasConversion(new DateTimeOffsetToUtcTicksConverter());
        builder.Property(d => d.AssigneeUserId).HasMaxLength(450);
        builder.Property(d => d.AssigneeName).HasMaxLength(256);
        builder.HasIndex(d => d.AssigneeUserId);
        builder.HasIndex(d => d.Status);
        builder.HasMany(d => d.CaseEvents).WithOne().HasForeignKey(e => e.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DiagnosisCaseEventConfiguration : IEntityTypeConfiguration<DiagnosisCaseEvent>
{
    public void Configure(EntityTypeBuilder<DiagnosisCaseEvent> builder)
    {
        builder.ToTable("DiagnosisCaseEvents");
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.From).HasMaxLength(256);
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(40);
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.Property(e => e.At).HasConversion(new DateTimeOffsetToUtcTicksConverter());
        builder.HasIndex(e => e.DiagnosisId);
    }
}

public sealed class DiagnosisAttemptConfiguration : IEntityTypeConfiguration<DiagnosisAttempt>
{
    public void Configure(EntityTypeBuilder<DiagnosisAttempt> builder)
    {
        builder.ToTable("DiagnosisAttempts");
        builder.Property(a => a.Outcome).HasMaxLength(20);
        builder.Property(a => a.RuleSetVersion).HasMaxLength(20);
        builder.Property(a => a.Codes).HasMaxLength(2000);
        builder.Property(a => a.CreatedAt).HasConversion(new DateTimeOffsetToUtcTicksConverter());
        builder.Property(a => a.RetryAfter).HasConversion(new DateTimeOffsetToUtcTicksConverter());
        builder.HasIndex(a => new { a.DiagnosisId, a.Number }).IsUnique();
    }
}

public sealed class DiagnosisNoteConfiguration : IEntityTypeConfiguration<DiagnosisNote>
{
    public void Configure(EntityTypeBuilder<DiagnosisNote> builder)
    {
        builder.ToTable("DiagnosisNotes");
        builder.Property(n => n.Author).HasMaxLength(256);
        builder.Property(n => n.Text).HasMaxLength(4000);
    }
}
