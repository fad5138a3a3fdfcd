using Microsoft.Playwright;
using SkiaSharp;

namespace Privatar.Reporting.Browser.Tests;

/// <summary>What the browser saw of a report page: every problem a reader would meet, and the screenshots taken.</summary>
public sealed record PageCheck(IReadOnlyList<string> Problems, IReadOnlyList<string> Screenshots, double PageHeight);

/// <summary>
/// Opens a report's <c>index.html</c> in headless chromium and checks it as a reader would: every image decoded, no console
/// error, no failed request, every expected section and anchor present and visible, every thumbnail linking to its image.
/// Screenshots are taken by scrolling to each element (headless chromium shows a blank page for <c>#anchor</c> URLs).
/// </summary>
public static class ReportPage
{
    public const int ViewportWidth = 1280, ViewportHeight = 900;

    public static async Task<PageCheck> Check(string html, IReadOnlyList<string> expectedIds, string shotsDir)
    {
        Directory.CreateDirectory(shotsDir);
        var problems = new List<string>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.Path, Headless = true, Args = Chromium.Args });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = ViewportWidth, Height = ViewportHeight } });
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console error: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Url} ({r.Failure})");
        var response = await page.GotoAsync(new Uri(Path.GetFullPath(html)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is { Ok: false }) problems.Add($"{html}: status {response.Status}");

        var broken = await page.EvaluateAsync<string[]>("() => Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'))");
        problems.AddRange(broken.Select(src => $"broken image: {src}"));
        var unlinked = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('.gallery figure')).filter(f => { const a = f.querySelector('a'), i = f.querySelector('img'); return !a || !i || a.href !== i.src; }).map(f => f.textContent)");
        problems.AddRange(unlinked.Select(t => $"thumbnail that does not open its image: {t}"));
        var deadLinks = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('a[href^=\"#\"]')).map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))");
        problems.AddRange(deadLinks.Select(id => $"contents link to a missing anchor: #{id}"));

        var shots = new List<string> { await Shot(page, shotsDir, "00-top", null) };
        var n = 0;
        foreach (var id in expectedIds)
        {
            var visible = await page.EvaluateAsync<bool>("id => { const e = document.getElementById(id); if (!e) return false; const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }", id);
            if (!visible) { problems.Add($"missing section: #{id}"); continue; }
            shots.Add(await Shot(page, shotsDir, $"{++n:00}-{id}", id));
        }
        foreach (var s in shots.Where(Blank)) problems.Add($"blank screenshot: {s}");
        var height = await page.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
        return new PageCheck(problems, shots, height);
    }

    /// <summary>
    /// The page top (one viewport), or the element scrolled to and clipped from the page, at most
    /// <see cref="MaxShotHeight"/> tall: a section near the end of the page is shown alone, not the page's last screen.
    /// </summary>
    static async Task<string> Shot(IPage page, string dir, string name, string? id)
    {
        var path = Path.Combine(dir, name + ".png");
        if (id is null)
        {
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
            return path;
        }
        // a section is shown to its end; a heading with what follows it
        var box = await page.EvaluateAsync<double[]>("""
            id => {
              const e = document.getElementById(id); e.scrollIntoView({ block: 'start' });
              const r = e.getBoundingClientRect(), top = r.top + window.scrollY;
              const end = e.tagName === 'SECTION' ? top + r.height : document.documentElement.scrollHeight;
              return [r.left + window.scrollX, top, r.width, end - top];
            }
            """, id);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path, FullPage = true,
            Clip = new Clip { X = (float)box[0], Y = (float)box[1], Width = (float)box[2], Height = (float)Math.Min(box[3], MaxShotHeight) },
        });
        return path;
    }

    const double MaxShotHeight = 1800;

    /// <summary>A screenshot of one colour (or nearly): nothing was painted.</summary>
    static bool Blank(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var first = bitmap.GetPixel(0, 0);
        var differing = 0;
        for (var y = 0; y < bitmap.Height; y += 4)
            for (var x = 0; x < bitmap.Width; x += 4)
                if (bitmap.GetPixel(x, y) != first) differing++;
        return differing < MinPaintedSamples;
    }

    /// <summary>Sampled pixels (every 4th row and column) that must differ from the corner for a screenshot to count as painted.</summary>
    const int MinPaintedSamples = 200;
}
