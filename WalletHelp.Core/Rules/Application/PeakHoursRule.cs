using System.Globalization;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-PEAK: Now (China time) is inside the configured peak hours. Args: <c>peakEnds</c> (HH:mm China time).</summary>
public sealed class PeakHoursRule() : Rule("AP-PEAK", RuleTopics.Service, Severity.Info, order: 4040, faq: [FaqSlugs.Opening, FaqSlugs.Retry])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var time = TimeOnly.FromTimeSpan(context.ChinaNow.TimeOfDay);
        var peaks = context.PeakHours;
        for (var i = 0; i < peaks.Count; i++)
        {
            if (peaks[i].Contains(time))
            {
                findings.Add(NewFinding(null,
                    RuleArgs.Of("peakEnds", peaks[i].End.ToString("HH:mm", CultureInfo.InvariantCulture))));
                return;
            }
        }
    }
}
