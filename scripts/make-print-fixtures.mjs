#!/usr/bin/env node
// Writes the PDF fixtures of the print channel (fixtures/print/*.pdf) with pdf-lib. The PDFs are
// committed (a few KB each); run this again only to change them: `node scripts/make-print-fixtures.mjs`.
//
// pdf-lib embeds only the 14 standard PDF fonts without a font file, so each font is drawn as
// Helvetica and then renamed in its font dictionary (/BaseFont), the way design tools name the
// subset of a font they embed: `ABCDEF+Montserrat-Bold`. brandlint reads the name, never the
// glyphs, so this is all a fixture needs. Colors are written as the operators a print file uses:
// `rg`/`RG` (RGB), `g`/`G` (gray) and `k`/`K` (CMYK). Object streams are off and content streams
// are Flate-compressed, as most PDF writers do.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts, cmyk, grayscale, rgb } from 'pdf-lib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'fixtures', 'print');
// Fixed dates: the same input gives the same bytes.
const DATE = new Date('2027-02-01T09:00:00Z');

/** A PDF with fonts renamed as `names` says (standard font -> name written in the file). */
async function pdf(title, draw, { campaign } = {}) {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(title);
  document.setProducer('brandlint scripts/make-print-fixtures.mjs');
  document.setCreator('brandlint');
  document.setCreationDate(DATE);
  document.setModificationDate(DATE);
  // The campaign the file belongs to: a custom entry of the document information dictionary.
  if (campaign) document.getInfoDict().set(PDFName.of('Campaign'), PDFString.of(campaign));
  const fonts = new Map();
  const font = async (name) => {
    if (!fonts.has(name)) fonts.set(name, await document.embedFont(StandardFonts.Helvetica, { subset: false }));
    return fonts.get(name);
  };
  await draw(document, font);
  await document.flush();
  for (const [name, embedded] of fonts) document.context.lookup(embedded.ref).set(PDFName.of('BaseFont'), PDFName.of(name));
  return document.save({ useObjectStreams: false });
}

const A5 = [420, 595];

// The failing flyer: off-palette colors (CMYK magenta, RGB #00aaff), an off-brand font (Comic Sans
// MS), a banned word ("cheap") and an offer (25% off) that disagrees with the Spring Sale brief.
const flyer = await pdf(
  'Spring Sale flyer',
  async (document, font) => {
    const page = document.addPage(A5);
    page.drawRectangle({ x: 0, y: 0, width: 420, height: 80, color: cmyk(0, 1, 0, 0) });
    page.drawRectangle({ x: 20, y: 500, width: 380, height: 4, color: rgb(0, 0xaa / 255, 1) });
    page.drawText('The Spring Sale', { x: 30, y: 540, size: 30, font: await font('ABCDEF+Montserrat-Bold'), color: rgb(0x1f / 255, 0x51 / 255, 0x35 / 255) });
    const body = await font('GHIJKL+ComicSansMS');
    page.drawText('Save 25% on packs with code SPRING20.', { x: 30, y: 460, size: 16, font: body, color: rgb(0x1c / 255, 0x1c / 255, 0x19 / 255) });
    page.drawText('Never cheap, always good. Ends 31 March.', { x: 30, y: 436, size: 16, font: body, color: rgb(0x1c / 255, 0x1c / 255, 0x19 / 255) });
    page.drawText('www.northwind.example/spring-sale', { x: 30, y: 412, size: 16, font: body, color: rgb(0x1c / 255, 0x1c / 255, 0x19 / 255) });
    const back = document.addPage(A5);
    back.drawText('Northwind Outfitters, Inc.', { x: 30, y: 540, size: 12, font: await font('MNOPQR+SourceSans3-Regular'), color: grayscale(1) });
  },
  { campaign: 'spring-sale' },
);
writeFileSync(path.join(out, 'flyer.pdf'), flyer);

// The passing twin: brand fonts, palette colors in RGB and in the CMYK print values the guideline
// file gives Northwind Pine (70 0 60 65), plain words, no campaign.
const pass = await pdf('Northwind spring flyer', async (document, font) => {
  const page = document.addPage(A5);
  page.drawRectangle({ x: 0, y: 0, width: 420, height: 80, color: cmyk(0.7, 0, 0.6, 0.65) });
  page.drawText('Spring gear for the trail', { x: 30, y: 540, size: 30, font: await font('ABCDEF+Montserrat-Bold'), color: rgb(0x1f / 255, 0x51 / 255, 0x35 / 255) });
  page.drawText('Packs and watches made to last.', { x: 30, y: 460, size: 16, font: await font('GHIJKL+SourceSans3-Regular'), color: rgb(0x1c / 255, 0x1c / 255, 0x19 / 255) });
});
writeFileSync(path.join(out, 'flyer.pass.pdf'), pass);

// Traps: a photo (an embedded raster image full of magenta) whose pixels are not colors of the
// page, and a headline drawn as outlines (paths, no text) that says nothing brandlint can read.
const traps = await pdf('Northwind trail flyer', async (document, font) => {
  const page = document.addPage(A5);
  const photo = await document.embedPng(png(4, 4, [255, 0, 255]));
  page.drawImage(photo, { x: 30, y: 200, width: 360, height: 200 });
  // "CHEAP" as outlines: a few letter-like paths in a palette color.
  page.drawSvgPath('M0 0 L20 0 L20 5 L5 5 L5 25 L20 25 L20 30 L0 30 Z M30 0 L35 0 L35 12 L45 12 L45 0 L50 0 L50 30 L45 30 L45 17 L35 17 L35 30 L30 30 Z', {
    x: 30,
    y: 560,
    color: rgb(0x1f / 255, 0x51 / 255, 0x35 / 255),
  });
  page.drawText('Made for the trail.', { x: 30, y: 460, size: 16, font: await font('GHIJKL+SourceSans3-Regular'), color: rgb(0x4a / 255, 0x4a / 255, 0x44 / 255) });
});
writeFileSync(path.join(out, 'flyer.traps.pdf'), traps);

console.log('wrote fixtures/print/flyer.pdf, flyer.pass.pdf, flyer.traps.pdf');

/** A PNG of one color (RGB, 8 bits), written by hand: signature, IHDR, IDAT, IEND. */
function png(width, height, [r, g, b]) {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
