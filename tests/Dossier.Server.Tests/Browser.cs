using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Dossier.Server.Tests;

/// <summary>Debian's Chromium, headless, driven through Debian's chromedriver; no browser download,
/// no background connections (the machine may have no network).</summary>
public sealed class Browser : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium", DriverFolder = "/usr/bin";
    private readonly ChromeDriverService _service;
    private readonly string _profile = Directory.CreateTempSubdirectory("dossier-chromium-").FullName;

    public Browser()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(Path.Combine(DriverFolder, "chromedriver")))
            throw new InvalidOperationException($"browser tests need Debian's chromium and chromium-driver ({ChromiumPath}, {DriverFolder}/chromedriver): apt-get install chromium chromium-driver");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--window-size=1400,1000", $"--user-data-dir={_profile}");
        _service = ChromeDriverService.CreateDefaultService(DriverFolder, "chromedriver");
        _service.HideCommandPromptWindow = true;
        _service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    /// <summary>Opens a view of the page and waits until it has loaded its data.</summary>
    public void Open(Uri baseAddress, string hash)
    {
        // A change of hash alone does not reload the page: the mark of the last view is cleared first.
        Driver.ExecuteScript("document.body && document.body.removeAttribute('data-ready')");
        Driver.Navigate().GoToUrl(new Uri(baseAddress, "/#" + hash));
        var view = hash.TrimStart('/').Split('/')[0];
        WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-ready") == view);
    }

    /// <summary>Waits until <paramref name="condition"/> gives something, and returns it.</summary>
    public T Wait<T>(Func<IWebDriver, T?> condition) where T : class => Waiter().Until(condition)!;

    public void WaitUntil(Func<IWebDriver, bool> condition) => Waiter().Until(condition);

    /// <summary>Retries while a view is being redrawn (an element read as it is replaced).</summary>
    private WebDriverWait Waiter()
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(20)) { PollingInterval = TimeSpan.FromMilliseconds(50) };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    /// <summary>Saves a picture of the window into docs/screenshots when DOSSIER_SCREENSHOTS names that folder.</summary>
    public void Screenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("DOSSIER_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _service.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
