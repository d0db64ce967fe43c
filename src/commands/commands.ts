/// <reference types="office-js" />
/**
 * The ribbon's function file. The Home-tab button uses ShowTaskpane, which needs no code, but
 * Office still loads this page for the add-in's commands and waits for Office.onReady; a button
 * of type ExecuteFunction would be registered here with Office.actions.associate.
 */
if (typeof Office !== 'undefined') {
  void Office.onReady();
}
