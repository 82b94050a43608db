import { describe, expect, it } from 'vitest';
import { output, problems, run, srgb, token } from './helpers.js';

/** GET /v1/files/:key/variables/local, trimmed to what matters. */
const rest = {
  status: 200,
  error: false,
  meta: {
    variableCollections: {
      'VariableCollectionId:1:1': { id: 'VariableCollectionId:1:1', name: 'Primitives', modes: [{ modeId: '1:0', name: 'Value' }], defaultModeId: '1:0' },
      'VariableCollectionId:2:1': {
        id: 'VariableCollectionId:2:1',
        name: 'Semantic',
        modes: [
          { modeId: '2:0', name: 'Light' },
          { modeId: '2:1', name: 'Dark' },
        ],
        defaultModeId: '2:0',
      },
    },
    variables: {
      'VariableID:1:2': { id: 'VariableID:1:2', name: 'pine/700', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'COLOR', valuesByMode: { '1:0': { r: 0.1216, g: 0.3176, b: 0.2078, a: 1 } }, scopes: ['ALL_SCOPES'], description: 'Pine' },
      'VariableID:1:3': { id: 'VariableID:1:3', name: 'neutral/0', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'COLOR', valuesByMode: { '1:0': { r: 1, g: 1, b: 1, a: 1 } }, scopes: ['ALL_SCOPES'] },
      'VariableID:1:4': { id: 'VariableID:1:4', name: 'font/size/body', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'FLOAT', valuesByMode: { '1:0': 16 }, scopes: ['FONT_SIZE'] },
      'VariableID:1:5': { id: 'VariableID:1:5', name: 'radius/md', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'FLOAT', valuesByMode: { '1:0': 6 }, scopes: ['CORNER_RADIUS'] },
      'VariableID:1:6': { id: 'VariableID:1:6', name: 'font/family/body', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'STRING', valuesByMode: { '1:0': 'Inter' }, scopes: ['FONT_FAMILY'] },
      'VariableID:1:7': { id: 'VariableID:1:7', name: 'font/weight/bold', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'FLOAT', valuesByMode: { '1:0': 700 }, scopes: ['FONT_WEIGHT'] },
      'VariableID:1:8': { id: 'VariableID:1:8', name: 'opacity/muted', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'FLOAT', valuesByMode: { '1:0': 60 }, scopes: ['OPACITY'] },
      'VariableID:1:9': { id: 'VariableID:1:9', name: 'feature/beta', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'BOOLEAN', valuesByMode: { '1:0': true }, scopes: ['ALL_SCOPES'] },
      'VariableID:1:10': { id: 'VariableID:1:10', name: 'space/4', variableCollectionId: 'VariableCollectionId:1:1', resolvedType: 'FLOAT', valuesByMode: { '1:0': 16 }, scopes: ['ALL_SCOPES'] },
      'VariableID:2:2': {
        id: 'VariableID:2:2',
        name: 'background/default',
        variableCollectionId: 'VariableCollectionId:2:1',
        resolvedType: 'COLOR',
        valuesByMode: { '2:0': { type: 'VARIABLE_ALIAS', id: 'VariableID:1:3' }, '2:1': { r: 0.0706, g: 0.0784, b: 0.0706, a: 1 } },
        scopes: ['FRAME_FILL'],
        codeSyntax: { WEB: 'var(--bg-default)' },
      },
      'VariableID:2:3': {
        id: 'VariableID:2:3',
        name: 'text/brand',
        variableCollectionId: 'VariableCollectionId:2:1',
        resolvedType: 'COLOR',
        valuesByMode: { '2:0': { type: 'VARIABLE_ALIAS', id: 'VariableID:1:2' }, '2:1': { r: 0.549, g: 0.7804, b: 0.6314, a: 1 } },
        scopes: ['TEXT_FILL'],
      },
    },
  },
};

describe('Figma Variables (REST API)', () => {
  it('types variables by resolvedType and scopes, and makes a collection with modes a modifier', async () => {
    const result = await run({ 'figma/variables.json': rest });
    expect(result.formats[0]).toMatchObject({ format: 'figma', evidence: expect.stringContaining('Figma REST API') });
    expect(result.files.map((file) => file.path)).toEqual(['primitives.tokens.json', 'semantic.tokens.json', 'semantic.semantic-dark.tokens.json', 'tokens.resolver.json']);
    expect(token(result, 'primitives.tokens.json', 'pine.700')).toEqual({
      $type: 'color',
      $value: srgb('#1f5135', [0.1216, 0.3176, 0.2078]),
      $description: 'Pine',
      $extensions: { 'com.figma': { variableId: 'VariableID:1:2', scopes: ['ALL_SCOPES'] } },
    });
    expect(token(result, 'primitives.tokens.json', 'font.size.body')).toMatchObject({ $type: 'dimension', $value: { value: 16, unit: 'px' } });
    expect(token(result, 'primitives.tokens.json', 'radius.md').$value).toEqual({ value: 6, unit: 'px' });
    expect(token(result, 'primitives.tokens.json', 'font.family.body').$value).toBe('Inter');
    expect(token(result, 'primitives.tokens.json', 'font.weight.bold')).toMatchObject({ $type: 'fontWeight', $value: 700 });
    expect(token(result, 'primitives.tokens.json', 'opacity.muted')).toMatchObject({ $type: 'number', $value: 0.6 });
    // An unscoped number says what it is by its name.
    expect(token(result, 'primitives.tokens.json', 'space.4')).toMatchObject({ $type: 'dimension', $value: { value: 16, unit: 'px' } });
    expect(token(result, 'semantic.tokens.json', 'background.default')).toMatchObject({ $value: '{neutral.0}', $extensions: { 'com.figma': { codeSyntax: { WEB: 'var(--bg-default)' } } } });
    expect(token(result, 'semantic.semantic-dark.tokens.json', 'text.brand').$value).toEqual(srgb('#8cc7a1', [0.549, 0.7804, 0.6314]));
    expect(output(result, 'tokens.resolver.json').modifiers).toEqual({
      Semantic: { contexts: { Light: [], Dark: [{ $ref: 'semantic.semantic-dark.tokens.json' }] }, default: 'Light' },
    });
    expect(problems(result)).toEqual([
      expect.stringMatching(/import\/converted opacity 60 is read as a percentage and written as 0.6$/),
      expect.stringMatching(/import\/unmapped feature.beta is not imported: its type "boolean" has no DTCG equivalent$/),
    ]);
  });
});

/** Figma's DTCG-like export with the modes of each variable in $extensions (as figma/sds writes it). */
const exported = {
  '@primitives': {
    $extensions: { 'com.figma.sds': { modes: ['value'] } },
    Brand: {
      '800': { $type: 'color', $value: '#1f5135', $extensions: { 'com.figma.sds': { modes: { value: '#1f5135' } } } },
      '300': { $type: 'color', $value: '#8cc7a1', $extensions: { 'com.figma.sds': { modes: { value: '#8cc7a1' } } } },
    },
    'Scale 03': { $type: 'number', $value: 16, $extensions: { 'com.figma.sds': { modes: { value: 16 } } } },
    'weight-bold-italic': { $type: 'unknown', $value: 'Bold Italic', $extensions: { 'com.figma.sds': { modes: { value: 'Bold Italic' } } } },
    device: { $type: 'unknown', $value: 'desktop' },
    tracking: { $type: 'number', $value: '-0.02em' },
  },
  '@color': {
    $extensions: { 'com.figma.sds': { modes: ['light', 'dark'] } },
    text: {
      brand: {
        $type: 'color',
        $value: '{@primitives.brand.800}',
        $extensions: { 'com.figma.sds': { figmaId: 'VariableID:1', modes: { light: '{@primitives.brand.800}', dark: '{@primitives.Brand.300}' } } },
      },
    },
  },
};

describe("Figma's DTCG-like export", () => {
  it('reads modes from $extensions, and aliases written with Figma names', async () => {
    const result = await run({ 'tokens.json': exported });
    expect(result.formats[0]).toMatchObject({ format: 'figma', evidence: expect.stringContaining('$extensions["com.figma.sds"]') });
    expect(token(result, 'tokens.tokens.json', '@color.text.brand').$value).toBe('{@primitives.Brand.800}');
    expect(token(result, 'tokens.color-dark.tokens.json', '@color.text.brand').$value).toBe('{@primitives.Brand.300}');
    expect(token(result, 'tokens.tokens.json', '@primitives.weight-bold-italic')).toMatchObject({ $type: 'fontWeight', $value: 700 });
    expect(output(result, 'tokens.resolver.json').modifiers).toEqual({ color: { contexts: { light: [], dark: [{ $ref: 'tokens.color-dark.tokens.json' }] }, default: 'light' } });
    const text = problems(result).join('\n');
    expect(text).toContain('"Bold Italic" is written as weight 700; the italic style is not part of a DTCG font weight and is dropped');
    expect(text).toContain('@primitives.device is not imported: its type cannot be told from "desktop" (name a type in the source)');
    // A number named as letter spacing, in em: converted with the em base.
    expect(text).toContain('-0.02em is written as -0.32px (with the em base of 16px)');
    expect(token(result, 'tokens.tokens.json', '@primitives.tracking')).toMatchObject({ $type: 'dimension', $value: { value: -0.32, unit: 'px' } });
  });

  it('reads one file per mode ("com.figma.modeName") as the contexts of the collection', async () => {
    const light = { $extensions: { 'com.figma.modeName': 'Light' }, bg: { $type: 'color', $value: { colorSpace: 'srgb', components: [1, 1, 1], alpha: 1, hex: '#FFFFFF' }, $extensions: { 'com.figma.variableId': 'VariableID:9:1', 'com.figma.scopes': ['ALL_SCOPES'] } } };
    const dark = { $extensions: { 'com.figma.modeName': 'Dark' }, bg: { $type: 'color', $value: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 1, hex: '#000000' }, $extensions: { 'com.figma.variableId': 'VariableID:9:1' } } };
    const result = await run({ 'Colors/Light.tokens.json': light, 'Colors/Dark.tokens.json': dark });
    expect(result.files.map((file) => file.path)).toEqual(['Colors.tokens.json', 'Colors.colors-dark.tokens.json', 'tokens.resolver.json']);
    expect(output(result, 'tokens.resolver.json').modifiers).toEqual({ Colors: { contexts: { Light: [], Dark: [{ $ref: 'Colors.colors-dark.tokens.json' }] }, default: 'Light' } });
    expect(token(result, 'Colors.tokens.json', 'bg').$extensions).toEqual({ 'com.figma.variableId': 'VariableID:9:1', 'com.figma.scopes': ['ALL_SCOPES'] });
  });
});
