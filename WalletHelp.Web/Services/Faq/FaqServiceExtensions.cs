using Microsoft.Extensions.DependencyInjection.Extensions;
using WalletHelp.Web.Data;

namespace WalletHelp.Web.Services.Faq;

public static class FaqServiceExtensions
{
    /// <summary>FAQ reading, editing and seeding services (the API is mapped by <c>FaqEndpoints.MapFaqApi</c>, from <c>MapWalletHelpApi</c>).</summary>
    public static WebApplicationBuilder AddWalletHelpFaq(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FaqSynonymService>();
        builder.Services.AddSingleton<FaqSearchLog>();
        builder.Services.AddSingleton<FaqSearchCache>();
        builder.Services.AddSingleton<Infrastructure.ReaderPages.ITaggedCache>(sp => sp.GetRequiredService<FaqSearchCache>());
        builder.Services.AddHostedService<FaqSearchLogWriter>();
        builder.Services.AddScoped<FaqService>();
        builder.Services.AddScoped<FaqAdminService>();
        builder.Services.AddScoped<IContentSeeder, FaqSeeder>();
        return builder;
    }
}
