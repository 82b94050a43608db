import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * The test brand book as a PDF, generated with pdf-lib (a devDependency) the way design tools
 * lay brand books out: a title, a swatch table whose columns are separate text items placed at
 * column positions, "Primary typeface:" lines, a type scale, logo files with minimum sizes, and
 * do/don't lists. Headings are set larger than the body text. Lines on each page, top to
 * bottom, are what the assertions count (page 1: title line 1, website line 2, ...).
 */
export async function brandBookPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = (rows: Array<string | string[] | { heading: string }>) => {
    const p = pdf.addPage([595, 842]);
    let y = 790;
    for (const row of rows) {
      if (typeof row === 'object' && !Array.isArray(row)) {
        p.drawText(row.heading, { x: 50, y, size: 20, font: bold });
        y -= 34;
      } else if (Array.isArray(row)) {
        // A table row: one text item per column.
        const xs = [50, 150, 230, 330, 440];
        row.forEach((cell, index) => cell && p.drawText(cell, { x: xs[index]!, y, size: 10, font: regular }));
        y -= 18;
      } else {
        p.drawText(row, { x: 50, y, size: 10, font: regular });
        y -= 18;
      }
    }
  };
  page([
    { heading: 'Fjord Coffee Brand Guidelines' },
    'Website: https://www.fjordcoffee.example',
    { heading: 'Colour palette' },
    ['Name', 'HEX', 'RGB', 'CMYK', 'Pantone'],
    ['Fjord Blue', '#1B4F72', '27 79 114', '90 55 20 30', 'Pantone 7693 C'],
    ['Crema', '#F3E5D0', '243 229 208', '3 9 18 0', 'Pantone 7527 C'],
    ['Ember', '#C0392B', '200 57 43', '10 90 90 5', 'Pantone 7621 C'],
    ['Moss', '', '', '60 20 80 10', ''],
    ['Night', '', '', '', 'Pantone Black 6 C'],
  ]);
  page([
    { heading: 'Typography' },
    'Primary typeface: Inter, Helvetica, Arial, sans-serif',
    'Secondary typeface: Merriweather, Georgia, serif',
    { heading: 'Type sizes' },
    'H1: 48 px',
    'H2: 32 px',
    'Body: 16 px',
    'Caption: 12 px',
    { heading: 'Logo' },
    'fjord-logo.svg - minimum width 120 px',
    'fjord-mark.svg - minimum width 32 px',
    'Clear space: 24 px on every side',
    { heading: 'Voice' },
    'Tone of voice: warm, direct and casual',
    'Do: small-batch, freshly roasted',
    "Don't: cheap, world-class",
    'Say "sign in", not "login".',
  ]);
  return pdf.save({ useObjectStreams: false });
}
