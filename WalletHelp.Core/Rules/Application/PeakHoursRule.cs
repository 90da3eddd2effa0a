using System.Globalization;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-PEAK: Now (China time) is inside the configured peak hours. Args: <c>peakEnds</c> (HH:mm China time).</summary>
public sealed class PeakHoursRule : IRule
{
    public string Code => "AP-PEAK";

    public RuleTopics Topic => RuleTopics.Service;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var time = TimeOnly.FromTimeSpan(context.ChinaNow.TimeOfDay);
        var peaks = context.PeakHours;
        for (var i = 0; i < peaks.Count; i++)
        {
            if (peaks[i].Contains(time))
            {
                findings.Add(new Finding(Code, Severity.Info, null, true,
                    RuleArgs.Of("peakEnds", peaks[i].End.ToString("HH:mm", CultureInfo.InvariantCulture))));
                return;
            }
        }
    }
}
