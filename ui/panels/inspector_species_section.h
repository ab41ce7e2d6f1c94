// SpeciesSection: the species part of the Inspector — compartment, initial concentration (checked:
// a finite number ≥ 0, else an inline message and nothing changes), glyph fill colour on every
// figure, and the reactions the species takes part in (click one to inspect it). GUI thread only.
#pragma once

#include "ui/panels/inspector_section.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ferroscope::ui {

class SpeciesSection : public InspectorSection {
    Q_OBJECT
public:
    SpeciesSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);
    void load(const QString &id, bool force) override;
    void commitInitial();

private:
    void loadCompartments();
    void loadColour();
    void loadReactions();
    void changeCompartment(int index);
    void chooseColour();
    void setColour(const QString &colour);
    QString currentColour() const;

    QComboBox *m_compartment = nullptr;
    QLineEdit *m_initial = nullptr;
    QLabel *m_units = nullptr;
    QLabel *m_initialMessage = nullptr;
    QPushButton *m_colour = nullptr;
    QPushButton *m_colourDefault = nullptr;
    QListWidget *m_reactions = nullptr;
};

}  // namespace ferroscope::ui
