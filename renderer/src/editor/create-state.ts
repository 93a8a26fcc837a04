import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Selection, type Command, type Plugin } from 'prosemirror-state';
import { columnResizing, goToNextCell, tableEditing } from 'prosemirror-tables';
import { letterSchema, type DocJSON } from '../../../electron/shared/doc-schema';
import { clauseEnter, indentClause, moveBlock } from './commands';
import { numberingPlugin } from './numbering-plugin';
import { toggleRestartNumbering } from './restart-numbering';

const marks = letterSchema.marks;

/**
 * Ctrl+Home / Ctrl+End as editor commands: left to the browser, the caret could land inside a
 * field atom at the end of the text (a signature blank), where the first typed character was
 * swallowed. ProseMirror places the caret itself at a valid text position.
 */
const toDocEdge =
  (dir: -1 | 1): Command =>
  (state, dispatch) => {
    const selection = dir < 0 ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
    dispatch?.(state.tr.setSelection(selection).scrollIntoView());
    return true;
  };

export function editorPlugins(): Plugin[] {
  return [
    history(),
    keymap({
      'Mod-z': undo,
      'Mod-y': redo,
      'Shift-Mod-z': redo,
      'Mod-b': toggleMark(marks['bold']!),
      'Mod-u': toggleMark(marks['underline']!),
      Tab: chainCommands(goToNextCell(1), indentClause(1)),
      'Shift-Tab': chainCommands(goToNextCell(-1), indentClause(-1)),
      Enter: clauseEnter,
      'Alt-ArrowUp': moveBlock(-1),
      'Alt-ArrowDown': moveBlock(1),
      'Mod-Alt-n': toggleRestartNumbering,
      'Mod-Home': toDocEdge(-1),
      'Mod-End': toDocEdge(1),
    }),
    keymap(baseKeymap),
    numberingPlugin(),
    dropCursor(),
    gapCursor(),
    columnResizing(),
    tableEditing(),
  ];
}

/** `extra`: plugins of this view (find and replace needs the letter's fields). */
export function createEditorState(doc: DocJSON, extra: Plugin[] = []): EditorState {
  return EditorState.create({ doc: letterSchema.nodeFromJSON(doc), plugins: [...editorPlugins(), ...extra] });
}
