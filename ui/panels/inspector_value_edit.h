// ParameterValueEditor: the value field and log-scale slider of one global parameter in the
// Inspector (the parameter section, and the selected row of a reaction's parameter table). Typed
// values are checked (finite, ≥ 0; refused ones show an inline message and never reach the model);
// accepted ones push a SetParameterCommand. One slider drag (press … release) shares one gesture
// number, so it is one undo step (STYLE.md §4, §5). GUI thread only.
#pragma once

#include "core/model/pathway_model.h"

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSlider;
class QUndoStack;

namespace ferroscope::ui {

class ParameterValueEditor : public QWidget {
    Q_OBJECT
public:
    /// `namePrefix` makes the children's objectNames unique in the panel: <prefix>Edit,
    /// <prefix>Slider, <prefix>Units, <prefix>Message.
    ParameterValueEditor(core::PathwayModel &model, QUndoStack &undo, const QString &namePrefix,
                         QWidget *parent = nullptr);

    /// Binds to a global parameter ("" = none: the editor is disabled). A new id always reloads.
    void setParameter(const QString &id);
    QString parameter() const { return m_id; }
    /// Re-reads the value (keeps the user's typing unless `force`; keeps the slider scale mid-drag).
    void refresh(bool force = false);

    /// Slider scale: 100 steps per decade over kDecades decades.
    static constexpr int kStepsPerDecade = 100;
    static constexpr int kDecades = 6;
    /// The value a slider position stands for (3 significant digits, so drags give round numbers).
    double sliderValue(int position) const;

signals:
    void statusMessage(const QString &text);

private:
    void commitText();
    void checkTyping(const QString &text);
    void onSliderValue(int position);
    void placeSlider(double value, bool rescale);
    bool isComputed(QString *why) const;

    core::PathwayModel &m_model;
    QUndoStack &m_undo;
    QString m_id;
    QLineEdit *m_edit = nullptr;
    QLabel *m_units = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_message = nullptr;
    int m_lowDecade = -3;     // log10 of the slider's left end
    int m_gesture = -1;       // ≥ 0 while the slider is held down
};

}  // namespace ferroscope::ui
