using Microsoft.Data.Sqlite;

namespace WalletHelp.Web.Infrastructure;

/// <summary>
/// Turns the usual start-up failures into one line on standard error that says what is wrong and what to do,
/// instead of an unhandled exception with raw SQLite text: a data folder that cannot be written, a database file
/// that is not a database, a database locked by another process.
/// </summary>
public static class StartupFailure
{
    public static async Task<bool> TryAsync(Func<Task> start, IConfiguration configuration, IHostEnvironment environment)
    {
        try
        {
            await start();
            return true;
        }
        catch (Exception ex) when (Describe(ex, DatabasePath(configuration, environment)) is { } message)
        {
            Console.Error.WriteLine("WalletHelp cannot start: " + message);
            return false;
        }
    }

    /// <summary>The one line for a known failure; null for anything else (which stays an exception).</summary>
    public static string? Describe(Exception exception, string database)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case SqliteException { SqliteErrorCode: 26 or 11 }: // SQLITE_NOTADB, SQLITE_CORRUPT
                    return $"the database file {database} is not a valid SQLite database (damaged, or another kind of file). " +
                           "Restore it from a backup, or move it away to start with a new, empty database.";
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return $"the database {database} is locked by another process (is another copy of WalletHelp running?). " +
                           "Stop that process, or point ConnectionStrings__WalletHelp at another file.";
                case SqliteException { SqliteErrorCode: 8 or 14 or 10 }: // SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR
                case UnauthorizedAccessException:
                case IOException:
                    return $"the database {database} cannot be created or written (the folder is read-only, missing or not writable by this user). " +
                           "Make the folder writable, or set ConnectionStrings__WalletHelp to a writable location.";
            }
        }
        return null;
    }

    private static string DatabasePath(IConfiguration configuration, IHostEnvironment environment)
    {
        try
        {
            var configured = configuration.GetConnectionString(DataExtensions.ConnectionName);
            var source = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/wallethelp.db" : configured).DataSource;
            return Path.IsPathRooted(source) ? source : Path.GetFullPath(Path.Combine(environment.ContentRootPath, source));
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
